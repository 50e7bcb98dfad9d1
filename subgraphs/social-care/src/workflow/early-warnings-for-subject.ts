import { unauthorizedField } from "@mash/platform/authorization/unauthorized-error";
import type { SocialCareContext } from "../context.js";
import type { SubjectParent } from "../resolver-parents.js";
import { type EarlyWarning, earlyWarnings } from "./early-warnings.js";

/**
 * The subject's early warnings, from batched loads of their contacts and closed cases. Released
 * only under a purpose covering the subject, as every purpose-bound read (the runtime checks the
 * purpose by `subjectId`, which a person row does not carry, so it is checked here).
 */
export async function earlyWarningsFor(
  ctx: SocialCareContext,
  subject: SubjectParent,
): Promise<EarlyWarning[]> {
  if (!ctx.auth.subjectInPurpose(subject.id)) throw unauthorizedField("OUTSIDE_PURPOSE");
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
