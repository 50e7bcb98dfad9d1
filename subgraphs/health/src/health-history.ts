import { loadLinked } from "@mash/agency-kit/graphql/linked-records";
import type DataLoader from "dataloader";
import type { HealthContext } from "./context.js";
import type {
  camhsInvolvement,
  communityHealthContact,
  cpisFlag,
  gpRegistration,
  maternityEpisode,
  unscheduledCareAttendance,
} from "./db/schema.js";

export type GpRegistrationRow = typeof gpRegistration.$inferSelect;
export type CpisFlagRow = typeof cpisFlag.$inferSelect;
export type AttendanceRow = typeof unscheduledCareAttendance.$inferSelect;
export type CommunityContactRow = typeof communityHealthContact.$inferSelect;
export type MaternityRow = typeof maternityEpisode.$inferSelect;
export type CamhsRow = typeof camhsInvolvement.$inferSelect;

/** Everything health holds about a subject's linked records, each list newest first. */
export interface HealthHistory {
  gpRegistrations: GpRegistrationRow[];
  cpisFlags: CpisFlagRow[];
  unscheduledCareAttendances: AttendanceRow[];
  communityHealthContacts: CommunityContactRow[];
  maternityEpisodes: MaternityRow[];
  camhsInvolvements: CamhsRow[];
}

type ListLoader<K extends keyof HealthHistory> = (
  ctx: HealthContext,
  recordIds: readonly string[],
) => Promise<HealthHistory[K]>;

/**
 * The rows of every linked record, newest first. Health's loaders return each patient's rows newest
 * first already, so a subject with one record takes them as they come; only a merge is sorted.
 */
function linkedRows<R extends { id: string | number }>(
  loader: DataLoader<string, R[]>,
  recordIds: readonly string[],
  dateOf: (row: R) => string | number,
): Promise<R[]> {
  return loadLinked(loader, recordIds, { dateOf, sortedPerRecord: true });
}

/**
 * One function per list, so that a query asking for one list touches one table; the summary asks
 * for all of them and, through the same loaders, adds no statement of its own.
 */
export const historyLists: { [K in keyof HealthHistory]: ListLoader<K> } = {
  gpRegistrations: (ctx, ids) =>
    linkedRows(ctx.loaders.gpRegistrationsByPatient, ids, (row) => row.registeredOn),
  cpisFlags: (ctx, ids) => linkedRows(ctx.loaders.cpisFlagsByPatient, ids, (row) => row.startDate),
  unscheduledCareAttendances: (ctx, ids) =>
    linkedRows(ctx.loaders.unscheduledCareByPatient, ids, (row) => row.attendedAt.getTime()),
  communityHealthContacts: (ctx, ids) =>
    linkedRows(ctx.loaders.communityContactsByPatient, ids, (row) => row.contactDate),
  maternityEpisodes: (ctx, ids) =>
    linkedRows(ctx.loaders.maternityByPatient, ids, (row) => row.bookingDate),
  camhsInvolvements: (ctx, ids) =>
    linkedRows(ctx.loaders.camhsByPatient, ids, (row) => row.referredOn),
};

export async function loadHistory(
  ctx: HealthContext,
  recordIds: readonly string[],
): Promise<HealthHistory> {
  const [
    gpRegistrations,
    cpisFlags,
    unscheduledCareAttendances,
    communityHealthContacts,
    maternityEpisodes,
    camhsInvolvements,
  ] = await Promise.all([
    historyLists.gpRegistrations(ctx, recordIds),
    historyLists.cpisFlags(ctx, recordIds),
    historyLists.unscheduledCareAttendances(ctx, recordIds),
    historyLists.communityHealthContacts(ctx, recordIds),
    historyLists.maternityEpisodes(ctx, recordIds),
    historyLists.camhsInvolvements(ctx, recordIds),
  ]);
  return {
    gpRegistrations,
    cpisFlags,
    unscheduledCareAttendances,
    communityHealthContacts,
    maternityEpisodes,
    camhsInvolvements,
  };
}
