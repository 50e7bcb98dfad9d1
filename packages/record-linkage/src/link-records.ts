import { and, eq, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import { bandFor } from "./bands.js";
import { blockingKeysFor, blockKeyStrings, recordKeyStrings } from "./blocking.js";
import { blockingCondition } from "./blocking-sql.js";
import type { AgencyIdentity } from "./identity.js";
import { decideLinks, type PairDecision, type ScoredPair } from "./link-decisions.js";
import { splitByBlock } from "./match-people.js";
import type { LinkEventRow, MashSubjectRow, MatchCandidateRow } from "./match-tables.js";
import type { MatchingStore } from "./matching-store.js";
import { scorePair } from "./score.js";
import { identityOfMashSubject, mashSubjectRowOf } from "./subject-identity.js";

/** The matching store linkage works on (its history table included). */
export type LinkageStore<TSchema extends Record<string, unknown>> = MatchingStore<TSchema>;

/** What one linkage run did. */
export interface LinkageOutcome {
  /** Agency records looked at. */
  records: number;
  /** Pairs linked automatically (new automatic links). */
  linked: number;
  /** Pairs newly put to the researcher (CERTAIN in conflict, PROBABLE or POSSIBLE). */
  proposed: number;
  /** Records left to the researcher because they could be more than one subject. */
  conflicts: number;
  /** Automatic links withdrawn because the evidence no longer supports them. */
  withdrawn: number;
  /** Records that matched no subject well enough to propose. */
  unmatched: number;
}

export const emptyOutcome = (): LinkageOutcome => ({
  records: 0,
  linked: 0,
  proposed: 0,
  conflicts: 0,
  withdrawn: 0,
  unmatched: 0,
});

export function addOutcomes(a: LinkageOutcome, b: LinkageOutcome): LinkageOutcome {
  return {
    records: a.records + b.records,
    linked: a.linked + b.linked,
    proposed: a.proposed + b.proposed,
    conflicts: a.conflicts + b.conflicts,
    withdrawn: a.withdrawn + b.withdrawn,
    unmatched: a.unmatched + b.unmatched,
  };
}

/** Records per round: keeps every IN-list and insert well inside PostgreSQL's parameter limit. */
export const LINKAGE_CHUNK = 500;

/** A researcher's decision (confirm, reject, revoke) is final for its pair: linkage never moves it. */
const DECIDED = new Set(["confirmed", "rejected", "revoked"]);

const pairKey = (subjectId: string, recordId: string) => `${subjectId}|${recordId}`;

/** The subjects (as the agency last saw them) sharing a blocking key with any of the records. */
async function findBlockedSubjects<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  records: readonly AgencyIdentity[],
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
    records.map(blockingKeysFor),
  );
  if (!condition) return [];
  return store.db.select().from(mashSubject).where(condition);
}

/**
 * Every subject the agency knows, filed under its blocking keys, for a run over many records (an
 * import, the seed, a re-run): one read of `mash_subject` for the whole run instead of one
 * blocking query per chunk.
 */
export class SubjectIndex {
  private readonly byKey = new Map<string, AgencyIdentity[]>();

  constructor(subjects: readonly AgencyIdentity[]) {
    for (const subject of subjects) {
      for (const key of recordKeyStrings(subject)) {
        const list = this.byKey.get(key);
        if (list) list.push(subject);
        else this.byKey.set(key, [subject]);
      }
    }
  }

  /** The subjects sharing a blocking key with the record. */
  blockOf(record: AgencyIdentity): AgencyIdentity[] {
    const block = new Map<string, AgencyIdentity>();
    for (const key of blockKeyStrings(blockingKeysFor(record))) {
      for (const subject of this.byKey.get(key) ?? []) block.set(subject.recordId, subject);
    }
    return [...block.values()];
  }
}

/** Runs over at least this many records read every subject once rather than block per chunk. */
export const BULK_RUN = 2_000;

export async function subjectIndex<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
): Promise<SubjectIndex> {
  const rows = await store.db.select().from(store.mashSubject);
  return new SubjectIndex(rows.map(identityOfMashSubject));
}

function scorePairs(
  record: AgencyIdentity,
  subjects: readonly AgencyIdentity[],
  into: ScoredPair[],
) {
  for (const subject of subjects) {
    const pair = scorePair(subject, record);
    const band = bandFor(pair);
    if (band) into.push({ subjectId: subject.recordId, recordId: record.recordId, band, ...pair });
  }
}

/** Every record scored against every subject in its block; pairs in no band are dropped. */
function scoreBlocks(records: readonly AgencyIdentity[], subjects: readonly AgencyIdentity[]) {
  const blocks = splitByBlock(records, subjects);
  const pairs: ScoredPair[] = [];
  records.forEach((record, index) => {
    for (const subject of blocks[index] ?? []) {
      const pair = scorePair(subject, record);
      const band = bandFor(pair);
      if (band)
        pairs.push({ subjectId: subject.recordId, recordId: record.recordId, band, ...pair });
    }
  });
  return pairs;
}

function asScoredPair(row: MatchCandidateRow): ScoredPair {
  const { subjectId, recordId, score, band, reasons } = row;
  return { subjectId, recordId, score, band, reasons };
}

interface Plan {
  upserts: PairDecision[];
  link: PairDecision[];
  unlink: MatchCandidateRow[];
  stale: MatchCandidateRow[];
  events: LinkEventRow[];
  outcome: LinkageOutcome;
}

function event(
  kind: LinkEventRow["kind"],
  pair: { subjectId: string; recordId: string; score: number; band: LinkEventRow["band"] },
  reason: string | null = null,
): LinkEventRow {
  return {
    kind,
    subjectId: pair.subjectId,
    recordId: pair.recordId,
    score: pair.score,
    band: pair.band,
    reason,
  };
}

/**
 * What the decisions change against what is stored: new pairs proposed or linked, pending pairs
 * re-scored or linked, automatic links withdrawn when the evidence moved (a rival subject appeared,
 * the record changed), and pairs that no longer score at all removed (their history stays).
 */
function plan(
  recordIds: readonly string[],
  decisions: readonly PairDecision[],
  stored: readonly MatchCandidateRow[],
): Plan {
  const storedByPair = new Map(stored.map((row) => [pairKey(row.subjectId, row.recordId), row]));
  const result: Plan = {
    upserts: [],
    link: [],
    unlink: [],
    stale: [],
    events: [],
    outcome: emptyOutcome(),
  };
  const { outcome } = result;
  outcome.records = recordIds.length;
  const decidedPairs = new Set<string>();
  for (const decision of decisions) {
    const key = pairKey(decision.subjectId, decision.recordId);
    decidedPairs.add(key);
    const row = storedByPair.get(key);
    const status = decision.autoLink ? "auto_linked" : "pending";
    const changed =
      !row ||
      row.status !== status ||
      row.conflict !== decision.conflict ||
      row.band !== decision.band ||
      Math.abs(row.score - decision.score) >= 0.05;
    if (!changed) continue;
    result.upserts.push(decision);
    if (status === "auto_linked" && row?.status !== "auto_linked") {
      result.link.push(decision);
      result.events.push(event("auto_linked", decision));
      outcome.linked++;
    } else if (status === "pending" && row?.status === "auto_linked") {
      result.unlink.push(row);
      result.events.push(event("auto_link_withdrawn", decision, withdrawalReason(decision)));
      outcome.withdrawn++;
    } else if (!row) {
      result.events.push(event("proposed", decision));
      outcome.proposed++;
    }
  }
  for (const row of stored) {
    if (DECIDED.has(row.status) || decidedPairs.has(pairKey(row.subjectId, row.recordId))) continue;
    result.stale.push(row);
    if (row.status === "auto_linked") {
      result.unlink.push(row);
      result.events.push(
        event("auto_link_withdrawn", row, "The pair no longer scores in any band."),
      );
      outcome.withdrawn++;
    }
  }
  const conflicted = new Set(decisions.filter((d) => d.conflict).map((d) => d.recordId));
  const matched = new Set(decisions.map((d) => d.recordId));
  outcome.conflicts = conflicted.size;
  outcome.unmatched = recordIds.filter((id) => !matched.has(id)).length;
  return result;
}

function withdrawalReason(decision: PairDecision): string {
  return decision.conflict
    ? "The record could now be more than one subject: put to the researcher."
    : "The pair no longer scores CERTAIN: put to the researcher.";
}

function pairsIn(rows: readonly { subjectId: string; recordId: string }[]): SQL {
  return sql.join(
    rows.map(({ subjectId, recordId }) => sql`(${subjectId}::uuid, ${recordId})`),
    sql`, `,
  );
}

async function write<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  work: Plan,
  now: Date,
): Promise<void> {
  if (work.upserts.length + work.stale.length + work.events.length === 0) return;
  const { matchCandidate: table } = store;
  await store.db.transaction(async (tx) => {
    if (work.unlink.length > 0) {
      // subject_link differs between agencies only in its record id's type: plain SQL serves all.
      await tx.execute(
        sql`delete from subject_link where source = 'auto_match' and (subject_id, record_id) in (${pairsIn(work.unlink)})`,
      );
    }
    if (work.stale.length > 0) {
      await tx.execute(
        sql`delete from match_candidate where status in ('pending', 'auto_linked') and (subject_id, record_id) in (${pairsIn(work.stale)})`,
      );
    }
    if (work.upserts.length > 0) {
      await tx
        .insert(table)
        .values(
          work.upserts.map((decision) => ({
            subjectId: decision.subjectId,
            recordId: decision.recordId,
            score: decision.score,
            band: decision.band,
            reasons: decision.reasons,
            conflict: decision.conflict,
            status: decision.autoLink ? ("auto_linked" as const) : ("pending" as const),
            proposedAt: now,
            decidedAt: decision.autoLink ? now : null,
          })),
        )
        .onConflictDoUpdate({
          target: [table.subjectId, table.recordId],
          set: {
            score: sql`excluded.score`,
            band: sql`excluded.band`,
            reasons: sql`excluded.reasons`,
            conflict: sql`excluded.conflict`,
            status: sql`excluded.status`,
            decidedAt: sql`excluded.decided_at`,
          },
          // A researcher's decision is never changed by linkage.
          setWhere: sql`${table.status} in ('pending', 'auto_linked')`,
        });
    }
    if (work.link.length > 0) {
      await tx.execute(
        sql`insert into subject_link (subject_id, record_id, source) values ${sql.join(
          work.link.map(
            ({ subjectId, recordId }) => sql`(${subjectId}, ${recordId}, 'auto_match')`,
          ),
          sql`, `,
        )} on conflict do nothing`,
      );
    }
    if (work.events.length > 0) {
      await tx.insert(store.linkEvent).values(work.events.map((row) => ({ ...row, at: now })));
    }
  });
}

/**
 * Links one chunk of agency records: each against every subject in its block, decided one record,
 * one person (with each subject's automatic links elsewhere taken into account), and what changed
 * stored in one transaction. A fixed number of statements whatever the chunk's size.
 */
async function linkChunk<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  recordIds: readonly string[],
  now: Date,
  index: SubjectIndex | null,
): Promise<LinkageOutcome> {
  const { db, matchCandidate: table } = store;
  const records = await store.loadRecords(recordIds);
  if (records.length === 0) return emptyOutcome();
  const ids = records.map((record) => record.recordId);
  const [subjectRows, stored] = await Promise.all([
    index ? Promise.resolve([]) : findBlockedSubjects(store, records),
    db.select().from(table).where(inArray(table.recordId, ids)),
  ]);
  const confirmedRecords = new Set(
    stored.filter((row) => row.status === "confirmed").map((row) => row.recordId),
  );
  const decided = new Set(
    stored
      .filter((row) => DECIDED.has(row.status))
      .map((row) => pairKey(row.subjectId, row.recordId)),
  );
  // A record a researcher confirmed is that subject's; a pair they rejected or revoked stays so.
  const open = records.filter((record) => !confirmedRecords.has(record.recordId));
  const candidates: ScoredPair[] = [];
  if (index) for (const record of open) scorePairs(record, index.blockOf(record), candidates);
  const scored = (
    index ? candidates : scoreBlocks(open, subjectRows.map(identityOfMashSubject))
  ).filter((pair) => !decided.has(pairKey(pair.subjectId, pair.recordId)));
  const subjectIds = [...new Set(scored.map((pair) => pair.subjectId))];
  const elsewhere =
    subjectIds.length === 0
      ? []
      : await db
          .select()
          .from(table)
          .where(
            and(
              inArray(table.subjectId, subjectIds),
              eq(table.status, "auto_linked"),
              notInArray(table.recordId, ids),
            ),
          );
  const inChunk = new Set(ids);
  const decisions = decideLinks([...scored, ...elsewhere.map(asScoredPair)]).filter((decision) =>
    inChunk.has(decision.recordId),
  );
  const work = plan(
    open.map((record) => record.recordId),
    decisions,
    stored.filter((row) => !confirmedRecords.has(row.recordId)),
  );
  await write(store, work, now);
  return work.outcome;
}

/**
 * Links agency records (new or changed ones after an import, or all of them in a re-run) against
 * the MASH subjects the agency knows, in chunks, each chunk a fixed number of statements: linear in
 * the number of records, never all pairs. Running it twice changes nothing the second time.
 */
export async function linkRecords<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  recordIds: readonly string[],
  now: Date = new Date(),
  onChunk?: (done: number, outcome: LinkageOutcome) => void,
  subjects?: SubjectIndex,
): Promise<LinkageOutcome> {
  let outcome = emptyOutcome();
  const unique = [...new Set(recordIds)];
  const index = subjects ?? (unique.length >= BULK_RUN ? await subjectIndex(store) : null);
  for (let start = 0; start < unique.length; start += LINKAGE_CHUNK) {
    const chunk = unique.slice(start, start + LINKAGE_CHUNK);
    outcome = addOutcomes(outcome, await linkChunk(store, chunk, now, index));
    onChunk?.(start + chunk.length, outcome);
  }
  return outcome;
}

/** Subjects per upsert: eleven parameters each, well inside PostgreSQL's limit. */
const SUBJECT_CHUNK = 2_000;

/** Remembers the identities of new or changed subjects: one upsert per 2,000. */
export async function rememberSubjects<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  subjects: readonly AgencyIdentity[],
  now: Date,
): Promise<void> {
  const rows = [...new Map(subjects.map((subject) => [subject.recordId, subject])).values()].map(
    (subject) => mashSubjectRowOf(subject, now),
  );
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (let start = 0; start < rows.length; start += SUBJECT_CHUNK) {
    await store.db
      .insert(store.mashSubject)
      .values(rows.slice(start, start + SUBJECT_CHUNK))
      .onConflictDoUpdate({
        target: store.mashSubject.subjectId,
        set: {
          givenName: excluded("given_name"),
          middleNames: excluded("middle_names"),
          familyName: excluded("family_name"),
          aliases: excluded("aliases"),
          dateOfBirth: excluded("date_of_birth"),
          sex: excluded("sex"),
          addressLine1: excluded("address_line1"),
          addressPostcode: excluded("address_postcode"),
          strongIdentifier: excluded("strong_identifier"),
          lastSeenAt: excluded("last_seen_at"),
        },
      });
  }
}

/**
 * Links new or changed MASH subjects (social care created or changed them): remembers their
 * identities, then re-links every agency record in their blocks, and every record already paired
 * with them (a corrected date of birth can take a subject out of a record's block), each against
 * all the subjects it could be.
 */
export async function linkSubjects<TSchema extends Record<string, unknown>>(
  store: LinkageStore<TSchema>,
  subjects: readonly AgencyIdentity[],
  now: Date = new Date(),
): Promise<LinkageOutcome> {
  if (subjects.length === 0) return emptyOutcome();
  await rememberSubjects(store, subjects, now);
  const { db, matchCandidate: table } = store;
  const [blocked, paired] = await Promise.all([
    store.findBlockedRecords(subjects.map(blockingKeysFor)),
    db
      .select({ recordId: table.recordId })
      .from(table)
      .where(
        inArray(
          table.subjectId,
          subjects.map((subject) => subject.recordId),
        ),
      ),
  ]);
  return linkRecords(
    store,
    [...blocked.map((record) => record.recordId), ...paired.map((row) => row.recordId)],
    now,
  );
}
