import type {
  adultSafeguardingConcern,
  childInNeedEpisode,
  childProtectionPlan,
  contact,
  earlyHelpEpisode,
  lookedAfterEpisode,
} from "./db/schema.js";

export interface SocialCareHistory {
  contacts: (typeof contact.$inferSelect)[];
  childProtectionPlans: (typeof childProtectionPlan.$inferSelect)[];
  childInNeedEpisodes: (typeof childInNeedEpisode.$inferSelect)[];
  lookedAfterEpisodes: (typeof lookedAfterEpisode.$inferSelect)[];
  earlyHelpEpisodes: (typeof earlyHelpEpisode.$inferSelect)[];
  adultSafeguardingConcerns: (typeof adultSafeguardingConcern.$inferSelect)[];
}

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/** An episode is current when it has started and has not ended before today. */
function isCurrent(episode: { startDate: string; endDate: string | null }, today: string): boolean {
  return episode.startDate <= today && (episode.endDate === null || episode.endDate >= today);
}

export function hasHistory(history: SocialCareHistory): boolean {
  return Object.values(history).some((records) => records.length > 0);
}

/** Counts, current statuses and dates: the proportionate view other agencies get by default. */
export function summarise(history: SocialCareHistory, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const yearAgo = now.getTime() - YEAR_MS;
  const lastContact = history.contacts.reduce<Date | null>(
    (latest, row) => (latest === null || row.receivedAt > latest ? row.receivedAt : latest),
    null,
  );
  return {
    contactCount: history.contacts.length,
    contactsInLast12Months: history.contacts.filter((row) => row.receivedAt.getTime() >= yearAgo)
      .length,
    lastContactAt: lastContact,
    onChildProtectionPlan: history.childProtectionPlans.some((plan) => isCurrent(plan, today)),
    everOnChildProtectionPlan: history.childProtectionPlans.length > 0,
    childInNeed: history.childInNeedEpisodes.some((episode) => isCurrent(episode, today)),
    lookedAfter: history.lookedAfterEpisodes.some((episode) => isCurrent(episode, today)),
    earlyHelp: history.earlyHelpEpisodes.some((episode) => isCurrent(episode, today)),
    openAdultSafeguardingEnquiry: history.adultSafeguardingConcerns.some(
      (concern) => concern.s42Enquiry && concern.outcome === "ongoing",
    ),
  };
}
