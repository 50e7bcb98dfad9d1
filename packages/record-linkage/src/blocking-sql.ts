import { type AnyColumn, inArray, or, type SQL, sql } from "drizzle-orm";
import type { BlockingKeys } from "./blocking.js";

/** The columns of a person table that blocking looks up, each covered by an index. */
export interface BlockingColumns {
  strongIdentifier: AnyColumn | null;
  dateOfBirth: AnyColumn;
  postcode: AnyColumn;
  familyName: AnyColumn;
  givenName: AnyColumn;
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
  for (const key of keys) {
    if (key.familyNames.length === 0 || key.givenNames.length === 0) continue;
    // As recorded, and the other way round (forms filled in with the names swapped); both terms
    // use the (family, given) expression index.
    conditions.push(
      sql`(upper(${columns.familyName}) in ${key.familyNames} and upper(${columns.givenName}) in ${key.givenNames})`,
      sql`(upper(${columns.familyName}) in ${key.givenNames} and upper(${columns.givenName}) in ${key.familyNames})`,
    );
  }
  return conditions.length > 0 ? or(...conditions) : undefined;
}
