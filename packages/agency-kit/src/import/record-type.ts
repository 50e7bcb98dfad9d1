import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";

// How an agency describes one kind of record in its export, once, so that the one engine can
// validate it, store it, compare it with what is held and write it back out. Records are plain JSON
// objects; rows are what drizzle inserts. Field names are the drizzle column keys, so a record and
// its row differ only in `type`, `id` and (for timestamps) Date versus ISO string.

/** A validated record: its type, its agency record id, and its fields in the documented order. */
export type ImportRecord = { type: string; id: string } & Record<string, unknown>;

/** A row as drizzle reads or writes it. */
export type Row = Record<string, unknown>;

/** One reference from a record to another record, by that record's agency id. */
export interface RecordReference {
  /** The field holding the reference, as reported (e.g. "involved[1].nominalId"). */
  field: string;
  /** The record type referred to. */
  recordType: string;
  id: string;
}

/**
 * A list held inside a record and stored in a child table without ids of its own (aliases, warning
 * markers): the whole list is replaced when the record changes.
 */
export interface EmbeddedList {
  /** The record's field, e.g. "aliases". */
  field: string;
  table: PgTable;
  /** The child table's column key that refers to the parent record. */
  parentKey: string;
  /** The item's fields, in the documented order. */
  item: z.ZodRawShape;
  /**
   * Fields to sort the items by, so that the same list in any order is the same record. Omitted when
   * the order itself is data (aliases keep the order they were given in, by their serial id).
   */
  sortBy?: readonly string[];
  /** The child column keys that order the rows when they are read back (a serial id, or sortBy). */
  orderBy: readonly string[];
}

export interface RecordType {
  /** The `type` of the record in the file, e.g. "nominal". */
  type: string;
  table: PgTable;
  /**
   * The column keys that identify a row. One key: the record's `id` is that column. Several (a table
   * without an id of its own): the `id` is their values joined by "/", and the fields hold them too.
   */
  key: readonly string[];
  /** The strict schema of the whole record, normalised (optional fields null, lists present). */
  schema: z.ZodType<ImportRecord>;
  /** The record's own fields (not `type`, `id`, embedded lists), in the documented order. */
  fields: readonly string[];
  /** The column key of each field (a field is named after its column unless renamed). */
  columns: Readonly<Record<string, string>>;
  embedded: readonly EmbeddedList[];
  /** References to other records, checked against earlier lines and the database. */
  references(record: ImportRecord): RecordReference[];
  /** Person records (nominals, patients…) are handed to matching after they change. */
  isPerson: boolean;
}

export interface RecordTypeOptions {
  type: string;
  table: PgTable;
  /** The id's schema (format, check digit); for a composite key, the fields carry the checks. */
  id: z.ZodType<string>;
  /** The key column(s); defaults to ["id"]. */
  key?: readonly string[];
  fields: z.ZodRawShape;
  /**
   * Fields named otherwise than their column: `type` and `id` belong to the record, so a column
   * called `type` travels as, say, `relationshipType`.
   */
  renamed?: Readonly<Record<string, string>>;
  embedded?: readonly EmbeddedList[];
  references?: (record: ImportRecord) => RecordReference[];
  isPerson?: boolean;
}

const noReferences = (): RecordReference[] => [];

/** The record id for a composite key: the key values joined by "/". */
export function compositeId(values: readonly unknown[]): string {
  return values.map(String).join("/");
}

/** Builds a record type from its fields: the strict schema follows from them. */
export function defineRecordType(options: RecordTypeOptions): RecordType {
  const key = options.key ?? ["id"];
  for (const reserved of ["type", "id"]) {
    if (reserved in options.fields) throw new Error(`"${reserved}" is the record's own; rename it`);
  }
  const columns = Object.fromEntries(
    Object.keys(options.fields).map((field) => [field, options.renamed?.[field] ?? field]),
  );
  const fieldOfColumn = new Map(Object.entries(columns).map(([field, column]) => [column, field]));
  const keyFields = key.map((column) => fieldOfColumn.get(column) ?? column);
  const embeddedShape = Object.fromEntries(
    (options.embedded ?? []).map((list) => [list.field, embeddedListSchema(list)]),
  );
  const base = z.strictObject({
    type: z.literal(options.type),
    id: options.id,
    ...options.fields,
    ...embeddedShape,
  });
  const schema = key.length === 1 ? base : withCompositeIdCheck(base, keyFields);
  return {
    type: options.type,
    table: options.table,
    key,
    schema: schema as unknown as z.ZodType<ImportRecord>,
    fields: Object.keys(options.fields),
    columns,
    embedded: options.embedded ?? [],
    references: options.references ?? noReferences,
    isPerson: options.isPerson ?? false,
  };
}

function embeddedListSchema(list: EmbeddedList) {
  const items = z.array(z.strictObject(list.item)).default([]);
  const sortBy = list.sortBy;
  if (!sortBy) return items;
  return items.transform((values) => sortItems(values, sortBy));
}

/** Items sorted by the given fields (as strings, code point order, as the export reads them). */
export function sortItems<T extends Record<string, unknown>>(
  items: T[],
  sortBy: readonly string[],
): T[] {
  const keyOf = (item: T) => sortBy.map((field) => String(item[field])).join("\u0000");
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

function withCompositeIdCheck<T extends z.ZodObject>(schema: T, key: readonly string[]) {
  return schema.superRefine((record, ctx) => {
    const values = record as Record<string, unknown>;
    const expected = compositeId(key.map((field) => values[field]));
    if (values.id === expected) return;
    ctx.addIssue({
      code: "custom",
      path: ["id"],
      message: `must be ${key.join("/")} of the record ("${expected}")`,
    });
  });
}

/** The record id of a row. */
export function idOfRow(recordType: RecordType, row: Row): string {
  return compositeId(recordType.key.map((field) => row[field]));
}

/** The key values of a record (what its row is found by). */
export function keyOfRecord(recordType: RecordType, record: ImportRecord): unknown[] {
  if (recordType.key.length === 1) return [record.id];
  const fieldOf = (column: string) =>
    Object.keys(recordType.columns).find((field) => recordType.columns[field] === column) ?? column;
  return recordType.key.map((column) => record[fieldOf(column)]);
}

/** Column keys whose values are JavaScript Dates (timestamps): records carry ISO strings. */
function timestampFields(table: PgTable): Set<string> {
  const columns = getTableColumns(table);
  return new Set(
    Object.entries(columns)
      .filter(([, column]) => column.dataType === "date")
      .map(([name]) => name),
  );
}

const timestampCache = new WeakMap<PgTable, Set<string>>();

function timestampsOf(table: PgTable): Set<string> {
  const cached = timestampCache.get(table);
  if (cached) return cached;
  const fields = timestampFields(table);
  timestampCache.set(table, fields);
  return fields;
}

const NOT_RENAMED: Readonly<Record<string, string>> = {};

/** The row values of some record fields: ISO strings become Dates for timestamp columns. */
export function fieldsToRow(
  table: PgTable,
  source: Row,
  fields: readonly string[],
  columns: Readonly<Record<string, string>> = NOT_RENAMED,
): Row {
  const timestamps = timestampsOf(table);
  const row: Row = {};
  for (const field of fields) {
    const column = columns[field] ?? field;
    const value = source[field];
    row[column] = timestamps.has(column) && typeof value === "string" ? new Date(value) : value;
  }
  return row;
}

/** Record fields from a row, in the given order: Dates become ISO strings. */
export function fieldsFromRow(
  source: Row,
  fields: readonly string[],
  columns: Readonly<Record<string, string>> = NOT_RENAMED,
): Row {
  const record: Row = {};
  for (const field of fields) {
    const value = source[columns[field] ?? field];
    record[field] = value instanceof Date ? value.toISOString() : value;
  }
  return record;
}

/** The row a record is stored as (without its embedded lists). */
export function recordToRow(recordType: RecordType, record: ImportRecord): Row {
  const row = fieldsToRow(recordType.table, record, recordType.fields, recordType.columns);
  if (recordType.key.length === 1) row[recordType.key[0] as string] = record.id;
  return row;
}

/** The child rows of one embedded list of a record. */
export function embeddedRows(list: EmbeddedList, record: ImportRecord): Row[] {
  const items = (record[list.field] ?? []) as Row[];
  const fields = Object.keys(list.item);
  return items.map((item) => ({
    ...fieldsToRow(list.table, item, fields),
    [list.parentKey]: record.id,
  }));
}

/** The record a row (and its embedded child rows) stands for, fields in the documented order. */
export function rowToRecord(
  recordType: RecordType,
  row: Row,
  children: ReadonlyMap<string, Row[]>,
): ImportRecord {
  const record: ImportRecord = {
    type: recordType.type,
    id: idOfRow(recordType, row),
    ...fieldsFromRow(row, recordType.fields, recordType.columns),
  };
  for (const list of recordType.embedded) {
    const fields = Object.keys(list.item);
    const items = (children.get(list.field) ?? []).map((child) => fieldsFromRow(child, fields));
    record[list.field] = list.sortBy ? sortItems(items, list.sortBy) : items;
  }
  return record;
}
