import type { SocialCareContext } from "../context.js";
import type { SubjectParent } from "../resolver-parents.js";
import { type EarlyWarning, earlyWarnings } from "./early-warnings.js";

/**
 * The subject's early warnings, from batched loads of their contacts and closed cases. Released
 * only under a purpose covering the subject: `Subject.earlyWarnings` is declared `aboutSubject`,
 * so the runtime checks the purpose before this runs.
 */
export async function earlyWarningsFor(
  ctx: SocialCareContext,
  subject: SubjectParent,
): Promise<EarlyWarning[]> {
  const { loaders } = ctx;
  const [history, newContacts, plans, childInNeed, lookedAfter] = await Promise.all([
    loaders.contactsByPerson.load(subject.id),
    loaders.mashContactsBySubject.load(subject.id),
    loaders.childProtectionPlansByPerson.load(subject.id),
    loaders.childInNeedEpisodesByPerson.load(subject.id),
    loaders.lookedAfterEpisodesByPerson.load(subject.id),
  ]);
  const closed = [...plans, ...childInNeed, ...lookedAfter].flatMap((episode) =>
    episode.endDate ? [episode.endDate] : [],
  );
  return earlyWarnings({
    contactDates: [
      ...history.map((contact) => contact.receivedAt),
      ...newContacts.map((contact) => contact.receivedAt),
    ],
    caseClosedDates: closed,
    domesticAbuseChildPresentDates: subject.policeDomesticAbuseChildPresentDates ?? [],
    emergencyAttendanceDates: subject.healthEmergencyAttendanceDates ?? [],
  });
}
