import type DataLoader from "dataloader";
import { type AnyColumn, getTableColumns, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { manyByKey, oneByKey } from "../graphql/batch-loaders.js";
import type { Database } from "./connect.js";

type Row<TTable extends PgTable> = TTable["$inferSelect"];

function propertyOf(table: PgTable, column: AnyColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(
    ([, candidate]) => candidate === column,
  );
  if (!entry) throw new Error(`Column ${column.name} does not belong to the table`);
  return entry[0];
}

/**
 * A loader of all rows of `table` whose `column` is one of the keys: one `WHERE column IN (…)`
 * statement per batch, whatever the number of keys.
 */
export function rowsByColumn<
  TTable extends PgTable,
  TSchema extends Record<string, unknown>,
  K = string,
>(
  db: Database<TSchema>,
  table: TTable,
  column: AnyColumn,
  orderBy: (PgColumn | SQL)[] = [],
): DataLoader<K, Row<TTable>[]> {
  const property = propertyOf(table, column);
  return manyByKey<K, Row<TTable>>(
    async (keys) =>
      // drizzle cannot infer the row type of a table passed generically; it is TTable's select model.
      (await db
        .select()
        .from(table as PgTable)
        .where(inArray(column, keys as unknown[]))
        .orderBy(...orderBy)) as Row<TTable>[],
    (row) => (row as Record<string, unknown>)[property] as K,
  );
}

/** A loader of the one row of `table` whose unique `column` equals each key (null when none). */
export function rowByColumn<
  TTable extends PgTable,
  TSchema extends Record<string, unknown>,
  K = string,
>(db: Database<TSchema>, table: TTable, column: AnyColumn): DataLoader<K, Row<TTable> | null> {
  const property = propertyOf(table, column);
  return oneByKey<K, Row<TTable>>(
    async (keys) =>
      (await db
        .select()
        .from(table as PgTable)
        .where(inArray(column, keys as unknown[]))) as Row<TTable>[],
    (row) => (row as Record<string, unknown>)[property] as K,
  );
}
