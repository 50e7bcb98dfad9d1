import type { MashSubjectRow } from "../db/match-tables.js";
import { blockingKeysFor } from "./blocking.js";
import { blockingCondition } from "./blocking-sql.js";
import { rankCandidates, splitByBlock } from "./match-people.js";
import type { MatchingStore } from "./matching-store.js";
import {
  loadCandidatesOfRecords,
  type ProposedPair,
  persistCandidates,
} from "./persist-candidates.js";
import { identityOfMashSubject } from "./subject-identity.js";

/** Records per round: keeps every IN-list and insert well inside PostgreSQL's parameter limit. */
const CHUNK = 500;

export interface AfterImportOutcome {
  /** Pairs linked automatically (CERTAIN). */
  linked: number;
  /** Pairs put to the agency's researcher (PROBABLE or POSSIBLE). */
  proposed: number;
}

/**
 * Matches newly imported or changed agency records against the MASH subjects the agency has seen
 * (`mash_subject`): the reverse direction of a subject's enquiry. Each chunk of records costs a
 * fixed number of statements (records, subjects in their blocks, stored pairs, one transaction), so
 * the work is linear in the number of records: never all pairs.
 */
export async function matchRecordsAfterImport<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  recordIds: readonly string[],
  now: Date = new Date(),
): Promise<AfterImportOutcome> {
  const outcome: AfterImportOutcome = { linked: 0, proposed: 0 };
  const unique = [...new Set(recordIds)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = await matchChunk(store, unique.slice(start, start + CHUNK), now);
    outcome.linked += chunk.linked;
    outcome.proposed += chunk.proposed;
  }
  return outcome;
}

async function findBlockedSubjects<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  keys: Parameters<typeof blockingCondition>[1],
): Promise<MashSubjectRow[]> {
  const { mashSubject } = store;
  const condition = blockingCondition(
    {
      strongIdentifier: mashSubject.strongIdentifier,
      dateOfBirth: mashSubject.dateOfBirth,
      postcode: mashSubject.addressPostcode,
      familyName: mashSubject.familyName,
      givenName: mashSubject.givenName,
    },
    keys,
  );
  if (!condition) return [];
  return store.db.select().from(mashSubject).where(condition);
}

async function matchChunk<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  recordIds: readonly string[],
  now: Date,
): Promise<AfterImportOutcome> {
  const records = await store.loadRecords(recordIds);
  if (records.length === 0) return { linked: 0, proposed: 0 };
  const [subjectRows, existing] = await Promise.all([
    findBlockedSubjects(store, records.map(blockingKeysFor)),
    loadCandidatesOfRecords(store.db, store.matchCandidate, recordIds),
  ]);
  const subjects = subjectRows.map(identityOfMashSubject);
  // Blocks from the records' side: each record against the subjects sharing one of its keys.
  const blocks = splitByBlock(records, subjects);
  const proposed: ProposedPair[] = records.flatMap((record, index) =>
    (blocks[index] ?? []).flatMap((subject) =>
      rankCandidates(subject, [record]).map((candidate) => ({
        subjectId: subject.recordId,
        candidate,
      })),
    ),
  );
  const written = await persistCandidates(store.db, store.matchCandidate, proposed, existing, now);
  const linked = written.filter((row) => row.status === "auto_linked").length;
  return { linked, proposed: written.length - linked };
}
