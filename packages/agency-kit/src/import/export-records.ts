import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Database } from "@mash/platform/db/connect";
import { keyAfter, keyOrder } from "./key-condition.js";
import { rowsToRecords } from "./load-existing.js";
import type { RecordType, Row } from "./record-type.js";

/** Rows read per statement: the export never holds more than a page. */
const PAGE_SIZE = 1_000;

async function writeLine(output: Writable, text: string): Promise<void> {
  if (!output.write(text)) await once(output, "drain");
}

async function exportType<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordType: RecordType,
  output: Writable,
): Promise<number> {
  const { table, key } = recordType;
  let after: string[] | null = null;
  let written = 0;
  for (;;) {
    const page: Row[] = await db
      .select()
      .from(table)
      .where(after ? keyAfter(table, key, after) : undefined)
      .orderBy(...keyOrder(table, key))
      .limit(PAGE_SIZE);
    const records = await rowsToRecords(db, recordType, page);
    for (const record of records) await writeLine(output, `${JSON.stringify(record)}\n`);
    written += records.length;
    const last = page.at(-1);
    if (!last || page.length < PAGE_SIZE) return written;
    after = key.map((field) => String(last[field]));
  }
}

/**
 * Writes every record the agency holds in the import format: types in dependency order, records in
 * key order (code points), fields in the documented order. Importing the output and exporting again
 * gives the same bytes.
 */
export async function exportRecords<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordTypes: readonly RecordType[],
  output: Writable,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const recordType of recordTypes) {
    counts[recordType.type] = await exportType(db, recordType, output);
  }
  return counts;
}
