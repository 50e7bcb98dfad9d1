import type { Database } from "@mash/platform/db/connect";
import { asc, inArray } from "drizzle-orm";
import { columnOf, keyIn } from "./key-condition.js";
import {
  compositeId,
  type ImportRecord,
  idOfRow,
  type RecordType,
  type Row,
  rowToRecord,
} from "./record-type.js";

/** Child rows of the given parents, per list field, per parent id, in their stored order. */
export async function loadEmbedded<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordType: RecordType,
  parentIds: readonly string[],
): Promise<Map<string, Map<string, Row[]>>> {
  const byParent = new Map<string, Map<string, Row[]>>();
  if (parentIds.length === 0) return byParent;
  for (const list of recordType.embedded) {
    const rows: Row[] = await db
      .select()
      .from(list.table)
      .where(inArray(columnOf(list.table, list.parentKey), [...parentIds]))
      .orderBy(...list.orderBy.map((field) => asc(columnOf(list.table, field))));
    for (const row of rows) {
      const parentId = String(row[list.parentKey]);
      const lists = byParent.get(parentId) ?? new Map<string, Row[]>();
      byParent.set(parentId, lists);
      const items = lists.get(list.field) ?? [];
      lists.set(list.field, items);
      items.push(row);
    }
  }
  return byParent;
}

const NO_CHILDREN: ReadonlyMap<string, Row[]> = new Map();

/** Rows (already read) as records, with their embedded lists. */
export async function rowsToRecords<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordType: RecordType,
  rows: readonly Row[],
): Promise<ImportRecord[]> {
  const ids = rows.map((row) => idOfRow(recordType, row));
  const children = await loadEmbedded(db, recordType, ids);
  return rows.map((row, index) =>
    rowToRecord(recordType, row, children.get(ids[index] as string) ?? NO_CHILDREN),
  );
}

/**
 * The stored rows under these keys. A composite key is looked up by its first column (indexed, as
 * the person a relationship belongs to is) and narrowed here: OR-ing thousands of multi-column
 * conditions makes PostgreSQL test every one of them against every row.
 */
async function rowsUnderKeys<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordType: RecordType,
  keys: readonly unknown[][],
): Promise<Row[]> {
  const { table, key } = recordType;
  if (key.length === 1)
    return db
      .select()
      .from(table)
      .where(keyIn(table, key, keys));
  const [firstColumn] = key;
  if (!firstColumn) return [];
  const firstValues = [...new Set(keys.map((values) => values[0]))];
  const rows: Row[] = await db
    .select()
    .from(table)
    .where(inArray(columnOf(table, firstColumn), firstValues));
  const wanted = new Set(keys.map((values) => compositeId(values)));
  return rows.filter((row) => wanted.has(idOfRow(recordType, row)));
}

/** The records already held under these keys, by record id: what an import compares against. */
export async function loadExisting<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordType: RecordType,
  keys: readonly unknown[][],
): Promise<Map<string, ImportRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await rowsUnderKeys(db, recordType, keys);
  const records = await rowsToRecords(db, recordType, rows);
  return new Map(records.map((record) => [record.id, record]));
}
