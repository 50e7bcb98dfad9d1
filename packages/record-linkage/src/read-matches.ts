import { inArray } from "drizzle-orm";
import type { MatchCandidateRow } from "./match-tables.js";
import type { MatchingStore } from "./matching-store.js";

const BAND_ORDER = { certain: 0, probable: 1, possible: 2 } as const;

/** Conflicts first (they need a decision), then by band and score. */
export function byReviewOrder(a: MatchCandidateRow, b: MatchCandidateRow): number {
  return (
    Number(b.conflict) - Number(a.conflict) ||
    BAND_ORDER[a.band] - BAND_ORDER[b.band] ||
    b.score - a.score
  );
}

/** Pairs a researcher has ruled out: never shown among a subject's matches again. */
const RULED_OUT = new Set(["rejected", "revoked"]);

/**
 * The pairs linkage stored for these subjects, per subject, best first, without those a researcher
 * rejected or revoked: one statement, and never a write.
 */
export async function storedMatches<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  subjectIds: readonly string[],
): Promise<MatchCandidateRow[][]> {
  if (subjectIds.length === 0) return [];
  const { matchCandidate: table } = store;
  const rows = await store.db
    .select()
    .from(table)
    .where(inArray(table.subjectId, [...subjectIds]));
  const bySubject = new Map<string, MatchCandidateRow[]>();
  for (const row of rows) {
    if (RULED_OUT.has(row.status)) continue;
    bySubject.set(row.subjectId, [...(bySubject.get(row.subjectId) ?? []), row]);
  }
  return subjectIds.map((id) => (bySubject.get(id) ?? []).sort(byReviewOrder));
}
