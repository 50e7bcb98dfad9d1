import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./connect.js";

/** PostgreSQL takes at most 65,535 bind parameters per statement; stay well below it. */
const MAX_PARAMETERS = 30_000;

/**
 * Inserts many rows with as few statements as the parameter limit allows. Seeding and bulk imports
 * go through here so that 100k people take seconds, not a statement per row.
 */
export async function insertInChunks<
  TTable extends PgTable,
  TSchema extends Record<string, unknown>,
>(db: Database<TSchema>, table: TTable, rows: TTable["$inferInsert"][]): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = Math.max(1, Object.keys(first).length);
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size));
  }
  return rows.length;
}
