import { answeredSinceRequest } from "@mash/agency-kit/disclosure/agency-check";
import { parsePageSize } from "@mash/platform/graphql/cursor";
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  not,
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
 * `agency` makes it that agency's queue: the enquiries that asked the agency to check (BLUE ones
 * need no checks), each with the agency's own check status on it (`<agency>Check`, from the agency
 * itself). Social care, whose answers are here, also leaves out the enquiries it has answered, by
 * the same rule as its check's status (an answer since the request). Another agency's answers are
 * in its own database, out of social care's reach: its queue keeps answered enquiries until they
 * are decided, and `<agency>Check.status` says which still need work.
 */
export function workQueue(
  ctx: SocialCareContext,
  args: { first?: number | null; agency?: Agency | null },
) {
  const overdue = and(isNotNull(enquiry.checksDueAt), lt(enquiry.checksDueAt, ctx.now));
  const conditions = [inArray(enquiry.status, [...ACTIVE_STATES])];
  if (args.agency) {
    conditions.push(or(isNull(enquiry.rating), ne(enquiry.rating, "blue")) ?? sql`true`);
    conditions.push(arrayContains(enquiry.requestedAgencies, [args.agency]));
  }
  if (args.agency === "social_care") {
    const requestedAt = sql`coalesce(${enquiry.checksRequestedAt}, ${enquiry.openedAt})`;
    conditions.push(not(answeredSinceRequest(disclosure, enquiry.id, requestedAt)));
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
