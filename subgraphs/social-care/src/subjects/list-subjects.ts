import { decodeCursor, encodeCursor, parsePageSize } from "@mash/platform/graphql/cursor";
import { badUserInput } from "@mash/platform/graphql/errors";
import { and, count, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { SocialCareContext } from "../context.js";
import { person } from "../db/schema.js";

export interface SubjectFilterInput {
  familyName?: string | null;
  givenName?: string | null;
  dateOfBirth?: string | null;
  postcode?: string | null;
}

export interface SubjectsArgs {
  first?: number | null;
  after?: string | null;
  filter?: SubjectFilterInput | null;
}

type PersonRow = typeof person.$inferSelect;

export interface SubjectPage {
  nodes: PersonRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** The filter alone (no cursor), for `totalCount`. */
  filterCondition: SQL | undefined;
}

const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;

/** `%` and `_` in a name are letters, not wildcards. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function namePrefix(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw badUserInput(`${field} must be 1 to 100 characters`, { field, reason: "OUT_OF_RANGE" });
  }
  return `${escapeLike(trimmed)}%`;
}

/** Upper case with one space before the inward code, the form the records hold. */
export function normalisePostcode(value: string, field = "filter.postcode"): string {
  const compact = value.toUpperCase().replace(/\s+/g, "");
  const spaced = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  if (!UK_POSTCODE.test(spaced)) {
    throw badUserInput("postcode is not a UK postcode", { field, reason: "MALFORMED_POSTCODE" });
  }
  return spaced;
}

function filterConditions(filter: SubjectFilterInput | null | undefined): SQL[] {
  if (!filter) return [];
  const conditions: SQL[] = [];
  if (filter.familyName != null) {
    conditions.push(ilike(person.familyName, namePrefix(filter.familyName, "filter.familyName")));
  }
  if (filter.givenName != null) {
    conditions.push(ilike(person.givenName, namePrefix(filter.givenName, "filter.givenName")));
  }
  if (filter.dateOfBirth != null) conditions.push(eq(person.dateOfBirth, filter.dateOfBirth));
  if (filter.postcode != null) {
    conditions.push(eq(person.addressPostcode, normalisePostcode(filter.postcode)));
  }
  return conditions;
}

/**
 * A page of subjects in (family name, given name, id) order, by keyset: the cursor holds the last
 * row's sort key, so page 500 costs what page 1 costs.
 */
export async function listSubjects(
  ctx: SocialCareContext,
  args: SubjectsArgs,
): Promise<SubjectPage> {
  const first = parsePageSize(args.first);
  const conditions = filterConditions(args.filter);
  const filterCondition = conditions.length > 0 ? and(...conditions) : undefined;
  const keyset: SQL[] = [];
  if (args.after) {
    const [familyName, givenName, id] = decodeCursor(args.after, 3);
    keyset.push(
      sql`(${person.familyName}, ${person.givenName}, ${person.id}) > (${familyName}, ${givenName}, ${id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select()
    .from(person)
    .where(and(filterCondition, ...keyset))
    .orderBy(person.familyName, person.givenName, person.id)
    .limit(first + 1);
  const nodes = rows.slice(0, first);
  // Relationships and households often point back at listed people; let them reuse these rows.
  for (const row of nodes) ctx.loaders.personById.prime(row.id, row);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.familyName, last.givenName, last.id]) : null,
    },
    filterCondition,
  };
}

export async function countSubjects(ctx: SocialCareContext, page: SubjectPage): Promise<number> {
  const [row] = await ctx.db.select({ total: count() }).from(person).where(page.filterCondition);
  return row?.total ?? 0;
}
