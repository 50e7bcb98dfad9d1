import { parsePageSize } from "@mash/platform/graphql/cursor";
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notExists,
  or,
  sql,
} from "drizzle-orm";
import type { Agency } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import { disclosure, enquiry, mashContact } from "../db/schema.js";
import { ACTIVE_STATES } from "./state-machine.js";

/**
 * The MASH's work queue: undecided enquiries, overdue first, then by rating (RED first: the
 * enum's order), then by deadline, then oldest first. One statement; the fields of each enquiry
 * come from the request's loaders, batched across the page.
 *
 * `agency` keeps the enquiries whose checks that agency still owes. Social care knows its own
 * answer (a disclosure recorded for the enquiry); other agencies' answers live in their own
 * databases, so for them the filter can only drop what needs no checks at all (BLUE) until the
 * agency-checks work lets social care see the state of each agency's check.
 */
export function workQueue(
  ctx: SocialCareContext,
  args: { first?: number | null; agency?: Agency | null },
) {
  const overdue = and(isNotNull(enquiry.checksDueAt), lt(enquiry.checksDueAt, ctx.now));
  const conditions = [inArray(enquiry.status, [...ACTIVE_STATES])];
  if (args.agency)
    conditions.push(or(isNull(enquiry.rating), ne(enquiry.rating, "blue")) ?? sql`true`);
  if (args.agency === "social_care") {
    conditions.push(
      notExists(
        ctx.db.select({ one: sql`1` }).from(disclosure).where(eq(disclosure.enquiryId, enquiry.id)),
      ),
    );
  }
  return ctx.db
    .select()
    .from(enquiry)
    .where(and(...conditions))
    .orderBy(
      desc(sql`coalesce(${overdue}, false)`),
      sql`${enquiry.rating} asc nulls last`,
      sql`${enquiry.checksDueAt} asc nulls last`,
      asc(enquiry.openedAt),
      asc(enquiry.id),
    )
    .limit(parsePageSize(args.first, 50, 200));
}

/** Contacts waiting for screening, oldest first (routed contacts went to their worker instead). */
export function contactsAwaitingScreening(ctx: SocialCareContext, first?: number | null) {
  return ctx.db
    .select()
    .from(mashContact)
    .where(eq(mashContact.status, "awaiting_screening"))
    .orderBy(asc(mashContact.receivedAt), asc(mashContact.id))
    .limit(parsePageSize(first, 50, 100));
}
