import type { Database } from "@mash/platform/db/connect";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { MatchCandidateRow, MatchCandidateTable } from "../db/match-tables.js";
import type { ScoredCandidate } from "./match-people.js";

/** A scored pair to remember: which subject, and the candidate record with its score. */
export interface ProposedPair {
  subjectId: string;
  candidate: ScoredCandidate;
}

const pairKey = (subjectId: string, recordId: string) => `${subjectId}|${recordId}`;

/** The pairs already stored for these subjects (any status): one statement. */
export function loadCandidatesOfSubjects<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: MatchCandidateTable,
  subjectIds: readonly string[],
): Promise<MatchCandidateRow[]> {
  if (subjectIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(table)
    .where(inArray(table.subjectId, [...subjectIds]));
}

/** The pairs already stored for these agency records (any status): one statement. */
export function loadCandidatesOfRecords<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: MatchCandidateTable,
  recordIds: readonly string[],
): Promise<MatchCandidateRow[]> {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(table)
    .where(inArray(table.recordId, [...recordIds]));
}

function sameScore(row: MatchCandidateRow, candidate: ScoredCandidate): boolean {
  // `real` keeps about six significant digits: compare at the one decimal scores are rounded to.
  return row.band === candidate.band && Math.abs(row.score - candidate.score) < 0.05;
}

function linkValues(pairs: readonly ProposedPair[]): SQL {
  return sql.join(
    pairs.map(
      ({ subjectId, candidate }) => sql`(${subjectId}, ${candidate.recordId}, 'auto_match')`,
    ),
    sql`, `,
  );
}

/**
 * Stores what a matching run found, in one transaction: new pairs are proposed (CERTAIN ones linked
 * at once, through the agency's `subject_link`), pending pairs are re-scored, and pairs a
 * researcher already decided are left exactly as decided (a rejected pair is never proposed again).
 * Two statements however many pairs; returns the stored rows of the pairs written.
 */
export async function persistCandidates<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: MatchCandidateTable,
  proposed: readonly ProposedPair[],
  existing: readonly MatchCandidateRow[],
  now: Date,
): Promise<MatchCandidateRow[]> {
  const stored = new Map(existing.map((row) => [pairKey(row.subjectId, row.recordId), row]));
  // Decided pairs stay as decided; pending pairs scored the same as before need no write (an
  // enquiry reads the same subjects again and again).
  const fresh = proposed.filter(({ subjectId, candidate }) => {
    const row = stored.get(pairKey(subjectId, candidate.recordId));
    if (!row) return true;
    return row.status === "pending" && !sameScore(row, candidate);
  });
  if (fresh.length === 0) return [];
  const certain = fresh.filter(({ candidate }) => candidate.band === "certain");
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(table)
      .values(
        fresh.map(({ subjectId, candidate }) => ({
          subjectId,
          recordId: candidate.recordId,
          score: candidate.score,
          band: candidate.band,
          reasons: candidate.reasons,
          status: candidate.band === "certain" ? ("auto_linked" as const) : ("pending" as const),
          proposedAt: now,
          decidedAt: candidate.band === "certain" ? now : null,
        })),
      )
      .onConflictDoUpdate({
        target: [table.subjectId, table.recordId],
        set: {
          score: sql`excluded.score`,
          band: sql`excluded.band`,
          reasons: sql`excluded.reasons`,
          status: sql`excluded.status`,
          decidedAt: sql`excluded.decided_at`,
        },
        // Only a pair nobody has decided yet may change.
        setWhere: sql`${table.status} = 'pending'`,
      })
      .returning();
    if (certain.length > 0) {
      // subject_link differs between agencies only in its record id's type, so plain SQL serves all.
      await tx.execute(
        sql`insert into subject_link (subject_id, record_id, source) values ${linkValues(certain)} on conflict do nothing`,
      );
    }
    return rows;
  });
}
