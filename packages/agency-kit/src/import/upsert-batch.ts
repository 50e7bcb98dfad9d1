import type { Database } from "@mash/platform/db/connect";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import { canonicalJson } from "@mash/platform/integrity/canonical-json";
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { ImportHistoryTable } from "./import-history-table.js";
import type { Outcome } from "./import-report.js";
import { columnOf, keyIn } from "./key-condition.js";
import { loadExisting } from "./load-existing.js";
import {
  embeddedRows,
  type ImportRecord,
  keyOfRecord,
  type RecordType,
  type Row,
  recordToRow,
} from "./record-type.js";

/** A valid record waiting in the batch, with the line it came from. */
export interface PendingRecord {
  line: number;
  recordType: RecordType;
  record: ImportRecord;
}

/** A record that differs from what is held: new, or replacing `previous`. */
interface Change extends PendingRecord {
  previous: ImportRecord | null;
}

export interface BatchContext {
  agency: string;
  runId: string;
  historyTable: ImportHistoryTable;
  /** The agency's record types in dependency order: a batch writes them in this order. */
  order: readonly RecordType[];
}

export interface BatchResult {
  outcomes: { pending: PendingRecord; outcome: Outcome }[];
  /** Records the database refused, with its reason (only when a batch had to be retried). */
  refused: { pending: PendingRecord; reason: string }[];
}

/** Created, updated or unchanged: compares each record with what the database holds. */
async function classify<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  records: readonly PendingRecord[],
): Promise<{ changes: Change[]; unchanged: PendingRecord[] }> {
  const byType = new Map<RecordType, PendingRecord[]>();
  for (const pending of records) {
    const list = byType.get(pending.recordType) ?? [];
    byType.set(pending.recordType, list);
    list.push(pending);
  }
  const existing = new Map<PendingRecord, ImportRecord | undefined>();
  for (const [recordType, list] of byType) {
    const held = await loadExisting(
      db,
      recordType,
      list.map((pending) => keyOfRecord(recordType, pending.record)),
    );
    for (const pending of list) existing.set(pending, held.get(pending.record.id));
  }
  const changes: Change[] = [];
  const unchanged: PendingRecord[] = [];
  for (const pending of records) {
    const previous = existing.get(pending) ?? null;
    if (previous && canonicalJson(previous) === canonicalJson(pending.record)) {
      unchanged.push(pending);
    } else {
      changes.push({ ...pending, previous });
    }
  }
  return { changes, unchanged };
}

// The engine's tables are chosen at run time from the agency's record types, so drizzle cannot know
// their row types here; the rows were built from those same tables' column keys.
const insertRows = <TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: PgTable,
  rows: Row[],
) => insertInChunks(db, table, rows as PgTable["$inferInsert"][]);

async function writeType<TSchema extends Record<string, unknown>>(
  tx: Database<TSchema>,
  context: BatchContext,
  recordType: RecordType,
  changes: readonly Change[],
): Promise<void> {
  const created = changes.filter((change) => !change.previous);
  const updated = changes.filter((change) => change.previous);
  await insertRows(
    tx,
    recordType.table,
    created.map((change) => recordToRow(recordType, change.record)),
  );
  await insertRows(
    tx,
    context.historyTable,
    updated.map((change) => ({
      agency: context.agency,
      recordType: recordType.type,
      recordId: change.record.id,
      previous: change.previous,
      importRunId: context.runId,
    })),
  );
  // Updates are row by row: only changed records get here, and each has its own values.
  for (const change of updated) {
    const key = [keyOfRecord(recordType, change.record)];
    await tx
      .update(recordType.table)
      .set(recordToRow(recordType, change.record))
      .where(keyIn(recordType.table, recordType.key, key));
  }
  for (const list of recordType.embedded) {
    for (const change of updated) {
      await tx.delete(list.table).where(eq(columnOf(list.table, list.parentKey), change.record.id));
    }
    await insertRows(
      tx,
      list.table,
      changes.flatMap((change) => embeddedRows(list, change.record)),
    );
  }
}

/** Writes the changes type by type in dependency order, so earlier lines exist for later ones. */
async function writeChanges<TSchema extends Record<string, unknown>>(
  tx: Database<TSchema>,
  context: BatchContext,
  changes: readonly Change[],
): Promise<void> {
  for (const recordType of context.order) {
    const ofType = changes.filter((change) => change.recordType === recordType);
    if (ofType.length > 0) await writeType(tx, context, recordType, ofType);
  }
}

/** The database's reason, without the row values PostgreSQL puts in a constraint's detail. */
function refusalReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `the database refused the record: ${message}`;
}

const outcomeOf = (change: Change): Outcome => (change.previous ? "updated" : "created");

/**
 * Upserts one batch by agency record id in one transaction: unchanged records are not written at
 * all (a second import of the same file writes nothing), a changed one is updated in place with its
 * previous version kept in `import_history`. When the database refuses any record, the batch is
 * retried record by record, each in its own transaction, so only the bad one is rejected and none
 * is half-written.
 */
export async function upsertBatch<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  context: BatchContext,
  records: readonly PendingRecord[],
): Promise<BatchResult> {
  const { changes, unchanged } = await classify(db, records);
  const result: BatchResult = {
    outcomes: unchanged.map((pending) => ({ pending, outcome: "unchanged" })),
    refused: [],
  };
  if (changes.length === 0) return result;
  try {
    await db.transaction((tx) => writeChanges(tx, context, changes));
    for (const change of changes)
      result.outcomes.push({ pending: change, outcome: outcomeOf(change) });
    return result;
  } catch {
    // Fall through: find the record(s) the database refused.
  }
  for (const change of changes) {
    try {
      await db.transaction((tx) => writeChanges(tx, context, [change]));
      result.outcomes.push({ pending: change, outcome: outcomeOf(change) });
    } catch (error) {
      result.refused.push({ pending: change, reason: refusalReason(error) });
    }
  }
  return result;
}
