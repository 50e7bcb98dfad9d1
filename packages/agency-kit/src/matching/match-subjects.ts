import { sql } from "drizzle-orm";
import type { MatchCandidateRow } from "../db/match-tables.js";
import { blockingKeysFor } from "./blocking.js";
import type { AgencyIdentity } from "./identity.js";
import { rankCandidates, splitByBlock } from "./match-people.js";
import type { MatchingStore } from "./matching-store.js";
import {
  loadCandidatesOfSubjects,
  type ProposedPair,
  persistCandidates,
} from "./persist-candidates.js";
import { mashSubjectRowOf } from "./subject-identity.js";

const BAND_ORDER = { certain: 0, probable: 1, possible: 2 } as const;

function byBandThenScore(a: MatchCandidateRow, b: MatchCandidateRow): number {
  return BAND_ORDER[a.band] - BAND_ORDER[b.band] || b.score - a.score;
}

/** Remembers the identity each subject was last matched with: one upsert for the batch. */
async function rememberSubjects<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  subjects: readonly AgencyIdentity[],
  now: Date,
): Promise<void> {
  const { db, mashSubject } = store;
  const unique = new Map(subjects.map((subject) => [subject.recordId, subject]));
  const rows = [...unique.values()].map((subject) => mashSubjectRowOf(subject, now));
  await db
    .insert(mashSubject)
    .values(rows)
    .onConflictDoUpdate({
      target: mashSubject.subjectId,
      set: {
        givenName: sqlExcluded("given_name"),
        middleNames: sqlExcluded("middle_names"),
        familyName: sqlExcluded("family_name"),
        aliases: sqlExcluded("aliases"),
        dateOfBirth: sqlExcluded("date_of_birth"),
        sex: sqlExcluded("sex"),
        addressLine1: sqlExcluded("address_line1"),
        addressPostcode: sqlExcluded("address_postcode"),
        strongIdentifier: sqlExcluded("strong_identifier"),
        lastSeenAt: sqlExcluded("last_seen_at"),
      },
    });
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}

/** Each subject's stored pairs (the latest version of each), rejected ones left out, best first. */
function groupBySubject(
  subjectIds: readonly string[],
  rows: readonly MatchCandidateRow[],
): MatchCandidateRow[][] {
  const byPair = new Map<string, MatchCandidateRow>();
  for (const row of rows) byPair.set(`${row.subjectId}|${row.recordId}`, row);
  const bySubject = new Map<string, MatchCandidateRow[]>();
  for (const row of byPair.values()) {
    if (row.status === "rejected") continue;
    const list = bySubject.get(row.subjectId) ?? [];
    list.push(row);
    bySubject.set(row.subjectId, list);
  }
  return subjectIds.map((subjectId) => (bySubject.get(subjectId) ?? []).sort(byBandThenScore));
}

/**
 * Matches a batch of MASH subjects (a page, or a household) against the agency's records, with a
 * fixed number of statements whatever the batch size: remember the identities, load the pairs
 * already stored, look up every block in one query, score in memory, store in one transaction.
 * Returns, per subject, its candidates best first, without the pairs a researcher rejected.
 */
export async function matchSubjects<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  subjects: readonly AgencyIdentity[],
  now: Date,
): Promise<MatchCandidateRow[][]> {
  if (subjects.length === 0) return [];
  await rememberSubjects(store, subjects, now);
  const subjectIds = subjects.map((subject) => subject.recordId);
  const [existing, records] = await Promise.all([
    loadCandidatesOfSubjects(store.db, store.matchCandidate, subjectIds),
    store.findBlockedRecords(subjects.map(blockingKeysFor)),
  ]);
  const blocks = splitByBlock(subjects, records);
  const proposed: ProposedPair[] = subjects.flatMap((subject, index) =>
    rankCandidates(subject, blocks[index] ?? []).map((candidate) => ({
      subjectId: subject.recordId,
      candidate,
    })),
  );
  const written = await persistCandidates(store.db, store.matchCandidate, proposed, existing, now);
  return groupBySubject(subjectIds, [...existing, ...written]);
}
