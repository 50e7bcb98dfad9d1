import { type AnyColumn, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { BlockingKeys } from "./blocking.js";
import { nameKey } from "./name-key-sql.js";

/** The columns of a person table that blocking looks up, each covered by an index. */
export interface BlockingColumns {
  strongIdentifier: AnyColumn | null;
  dateOfBirth: AnyColumn;
  postcode: AnyColumn;
  familyName: AnyColumn;
  givenName: AnyColumn;
  /**
   * The person's other names (aliases, previous surnames), when they live in a table of their own:
   * a record is also found by any of them. Matched through the alias table's own name index.
   */
  aliases?: {
    table: PgTable;
    personId: AnyColumn;
    recordId: AnyColumn;
    familyName: AnyColumn;
    givenName: AnyColumn;
  };
}

/** (family, given) in the name forms, as recorded and crosswise (names swapped on a form). */
function namePairs(family: AnyColumn, given: AnyColumn, key: BlockingKeys): SQL[] {
  return [
    sql`(${nameKey(family)} in ${key.familyNames} and ${nameKey(given)} in ${key.givenNames})`,
    sql`(${nameKey(family)} in ${key.givenNames} and ${nameKey(given)} in ${key.familyNames})`,
  ];
}

function union(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * One WHERE condition for the blocks of many subjects at once (a page, a household, an import
 * batch): an OR of IN-lists, each an index lookup, so the planner combines index scans and never
 * reads the whole table. Undefined when there is nothing to look up.
 */
export function blockingCondition(
  columns: BlockingColumns,
  keys: readonly BlockingKeys[],
): SQL | undefined {
  const identifiers = union(keys.map((key) => key.strongIdentifiers));
  const dates = union(keys.map((key) => key.datesOfBirth));
  const postcodes = union(keys.map((key) => key.postcodes));
  const conditions: SQL[] = [];
  if (columns.strongIdentifier && identifiers.length > 0) {
    conditions.push(inArray(columns.strongIdentifier, identifiers));
  }
  if (dates.length > 0) conditions.push(inArray(columns.dateOfBirth, dates));
  if (postcodes.length > 0) conditions.push(inArray(columns.postcode, postcodes));
  const named = keys.filter((key) => key.familyNames.length > 0 && key.givenNames.length > 0);
  for (const key of named) {
    // As recorded, and the other way round (forms filled in with the names swapped); both terms
    // use the (family, given) name-key index.
    conditions.push(...namePairs(columns.familyName, columns.givenName, key));
  }
  const { aliases } = columns;
  if (aliases && named.length > 0) {
    // A record whose alias is one of the person's names: one sub-select over the alias table's
    // name-key index for all the keys, evaluated once (`= any(array(…))`, an InitPlan) so that the
    // record's primary key joins the other index scans; `in (select …)` would make the planner
    // scan the whole person table.
    const byAlias = or(
      ...named.flatMap((key) => namePairs(aliases.familyName, aliases.givenName, key)),
    );
    conditions.push(
      sql`${aliases.recordId} = any(array(select ${aliases.personId} from ${aliases.table} where ${byAlias}))`,
    );
  }
  return conditions.length > 0 ? or(...conditions) : undefined;
}
