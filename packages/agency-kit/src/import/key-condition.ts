import { and, eq, getTableColumns, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** A table's column by its key; a typo in a record type is a programming error, so it throws. */
export function columnOf(table: PgTable, key: string): PgColumn {
  const column = getTableColumns(table)[key];
  if (!column) throw new Error(`No column "${key}" in the table`);
  return column;
}

/** `WHERE` the row's key is one of these (one statement for a whole batch). */
export function keyIn(table: PgTable, key: readonly string[], values: readonly unknown[][]): SQL {
  const [only] = key;
  if (key.length === 1 && only) {
    return inArray(
      columnOf(table, only),
      values.map((value) => value[0]),
    );
  }
  const matches = values.map(
    (value) => and(...key.map((field, index) => eq(columnOf(table, field), value[index]))) as SQL,
  );
  return or(...matches) as SQL;
}

/**
 * The key as text in code point order: the export's record order, the same on PGlite and on any
 * PostgreSQL server whatever its collation (so an export is byte-for-byte reproducible).
 */
export function keyOrder(table: PgTable, key: readonly string[]): SQL[] {
  return key.map((field) => sql`${columnOf(table, field)}::text collate "C"`);
}

/** `WHERE` the key comes after the given key values, in `keyOrder` (keyset pagination). */
export function keyAfter(table: PgTable, key: readonly string[], after: readonly string[]): SQL {
  const columns = sql.join(keyOrder(table, key), sql`, `);
  const values = sql.join(
    after.map((value) => sql`${value}::text collate "C"`),
    sql`, `,
  );
  return sql`(${columns}) > (${values})`;
}
