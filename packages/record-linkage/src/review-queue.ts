import { asc, desc, eq } from "drizzle-orm";
import type { MatchCandidateRow } from "./match-tables.js";
import type { MatchingStore } from "./matching-store.js";

/** The most a researcher's queue returns at once. */
export const REVIEW_QUEUE_MAX = 200;

/**
 * The researcher's review queue: every pair waiting for a decision, conflicts first (a record that
 * could be more than one subject), then CERTAIN, PROBABLE and POSSIBLE pairs, best score first; one
 * statement a page.
 */
export function reviewQueue<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  first: number,
  offset: number,
): Promise<MatchCandidateRow[]> {
  const { matchCandidate: table } = store;
  return store.db
    .select()
    .from(table)
    .where(eq(table.status, "pending"))
    .orderBy(desc(table.conflict), asc(table.band), desc(table.score), asc(table.id))
    .limit(Math.max(1, Math.min(first, REVIEW_QUEUE_MAX)))
    .offset(Math.max(0, offset));
}
