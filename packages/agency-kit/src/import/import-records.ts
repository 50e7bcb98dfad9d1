import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import type { Database } from "@mash/platform/db/connect";
import type { AfterImport, AgencyImport } from "./agency-import.js";
import { recordKey, referencesInDatabase } from "./check-references.js";
import { type ImportReport, ImportReportBuilder, type Rejection } from "./import-report.js";
import { readLines } from "./read-lines.js";
import type { RecordType } from "./record-type.js";
import { type PendingRecord, upsertBatch } from "./upsert-batch.js";
import { validateLine } from "./validate-record.js";

/** Lines per transaction: large enough for few round trips, small enough to keep memory flat. */
export const DEFAULT_BATCH_SIZE = 2_000;

export interface ImportOptions<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  agency: AgencyImport<TSchema>;
  /** The JSON Lines export, read line by line. */
  input: Readable;
  batchSize?: number;
  /** Overrides the agency's matching (tests). */
  afterImport?: AfterImport;
}

/** Problems with a record's references that neither an earlier line nor the database answers. */
function danglingReferences(
  pending: PendingRecord,
  accepted: ReadonlySet<string>,
  inDatabase: ReadonlySet<string>,
): Rejection[] {
  return pending.recordType
    .references(pending.record)
    .filter((reference) => {
      const key = recordKey(reference.recordType, reference.id);
      return !accepted.has(key) && !inDatabase.has(key);
    })
    .map((reference) => ({
      line: pending.line,
      recordType: pending.recordType.type,
      recordId: pending.record.id,
      field: reference.field,
      reason: `refers to ${reference.recordType} "${reference.id}", which is neither on an earlier line nor in the database`,
    }));
}

class BatchImporter<TSchema extends Record<string, unknown>> {
  private batch: PendingRecord[] = [];
  private keys = new Set<string>();
  readonly report: ImportReportBuilder;
  private readonly recordTypes: ReadonlyMap<string, RecordType>;
  private readonly runId = randomUUID();

  constructor(
    private readonly options: ImportOptions<TSchema>,
    private readonly afterImport: AfterImport,
  ) {
    this.report = new ImportReportBuilder(this.runId, options.agency.agency);
    this.recordTypes = new Map(options.agency.recordTypes.map((type) => [type.type, type]));
  }

  async add(line: { number: number; text: string }): Promise<void> {
    this.report.countLine();
    // Blank lines (a trailing newline, spacing) carry no record.
    if (line.text.trim() === "") return;
    const validation = validateLine(line, this.recordTypes);
    if (!validation.ok) {
      this.report.reject(validation.problems);
      return;
    }
    const key = recordKey(validation.recordType.type, validation.record.id);
    // The same record twice: the earlier line is written first, so the later one wins.
    if (this.keys.has(key)) await this.flush();
    this.keys.add(key);
    this.batch.push({ line: line.number, ...validation });
    if (this.batch.length >= (this.options.batchSize ?? DEFAULT_BATCH_SIZE)) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.keys = new Set();
    if (batch.length === 0) return;
    const valid = await this.withoutDanglingReferences(batch);
    const result = await upsertBatch(
      this.options.db,
      {
        agency: this.options.agency.agency,
        runId: this.runId,
        historyTable: this.options.agency.historyTable,
        order: this.options.agency.recordTypes,
      },
      valid,
    );
    const changedPeople: string[] = [];
    for (const { pending, outcome } of result.outcomes) {
      this.report.count(pending.recordType.type, outcome);
      if (pending.recordType.isPerson && outcome !== "unchanged") {
        changedPeople.push(pending.record.id);
      }
    }
    for (const { pending, reason } of result.refused) {
      this.report.reject([
        {
          line: pending.line,
          recordType: pending.recordType.type,
          recordId: pending.record.id,
          field: null,
          reason,
        },
      ]);
    }
    if (changedPeople.length > 0) this.report.addMatches(await this.afterImport(changedPeople));
  }

  /**
   * Rejects records whose references are dangling: a reference must name a record on an earlier
   * line (accepted so far) or one already in the database. Checked in line order, so a record
   * referring to a rejected one is rejected too.
   */
  private async withoutDanglingReferences(batch: PendingRecord[]): Promise<PendingRecord[]> {
    const references = batch.flatMap((pending) => pending.recordType.references(pending.record));
    const inDatabase = await referencesInDatabase(this.options.db, this.recordTypes, references);
    const accepted = new Set<string>();
    const valid: PendingRecord[] = [];
    for (const pending of batch) {
      const problems = danglingReferences(pending, accepted, inDatabase);
      if (problems.length > 0) {
        this.report.reject(problems);
        continue;
      }
      accepted.add(recordKey(pending.recordType.type, pending.record.id));
      valid.push(pending);
    }
    return valid;
  }
}

/**
 * Imports an agency's JSON Lines export: every line validated, valid records upserted by agency
 * record id in batches (one transaction each), invalid ones reported with line, type, id, field
 * and reason and never written. Matching runs after each batch on the people it changed.
 */
export async function importRecords<TSchema extends Record<string, unknown>>(
  options: ImportOptions<TSchema>,
): Promise<ImportReport> {
  const afterImport = options.afterImport ?? options.agency.afterImport(options.db);
  const importer = new BatchImporter(options, afterImport);
  for await (const line of readLines(options.input)) await importer.add(line);
  await importer.flush();
  return importer.report.finish();
}
