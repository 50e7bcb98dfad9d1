import { decodeCursor, encodeCursor, parsePageSize } from "@mash/platform/graphql/cursor";
import { badUserInput } from "@mash/platform/graphql/errors";
import { and, sql } from "drizzle-orm";
import type { SocialCareContext } from "../context.js";
import { person } from "../db/schema.js";

export interface SubjectChangesArgs {
  first?: number | null;
  after?: string | null;
}

type PersonRow = typeof person.$inferSelect;

export interface SubjectChangePage {
  subjects: PersonRow[];
  endCursor: string | null;
  hasMore: boolean;
}

const TRANSACTION_ID = /^\d{1,20}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A page of the subject change feed, by keyset over (the transaction that last changed the person,
 * id). Only changes of transactions older than every transaction still running are served
 * (`pg_snapshot_xmin`): a transaction that started earlier but commits later cannot slip in behind
 * a cursor that has moved past it, which ordering by time could not promise.
 */
export async function subjectChanges(
  ctx: SocialCareContext,
  args: SubjectChangesArgs,
): Promise<SubjectChangePage> {
  const first = parsePageSize(args.first, 200, 500);
  const keyset = [];
  if (args.after) {
    const [xid, id] = decodeCursor(args.after, 2);
    if (!xid || !id || !TRANSACTION_ID.test(xid) || !UUID.test(id)) {
      throw badUserInput("The cursor is not one this server issued; use a page's endCursor.", {
        field: "after",
        reason: "MALFORMED_CURSOR",
      });
    }
    keyset.push(sql`(${person.changedXid}, ${person.id}) > (${xid}::xid8, ${id}::uuid)`);
  }
  const rows = await ctx.db
    .select()
    .from(person)
    .where(and(sql`${person.changedXid} < pg_snapshot_xmin(pg_current_snapshot())`, ...keyset))
    .orderBy(person.changedXid, person.id)
    .limit(first + 1);
  const subjects = rows.slice(0, first);
  for (const row of subjects) ctx.loaders.personById.prime(row.id, row);
  const last = subjects.at(-1);
  return {
    subjects,
    endCursor: last ? encodeCursor([String(last.changedXid), last.id]) : (args.after ?? null),
    hasMore: rows.length > first,
  };
}
