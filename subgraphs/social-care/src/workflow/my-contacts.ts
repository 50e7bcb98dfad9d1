import { parsePageSize } from "@mash/platform/graphql/cursor";
import { desc, eq } from "drizzle-orm";
import type { SocialCareContext } from "../context.js";
import { mashContact } from "../db/schema.js";
import { requireCaller } from "./caller.js";

/** The caller's own contacts, newest first: a referrer sees theirs and nobody else's. */
export function myContacts(ctx: SocialCareContext, first?: number | null) {
  const referrer = requireCaller(ctx);
  return ctx.db
    .select()
    .from(mashContact)
    .where(eq(mashContact.referrerId, referrer.id))
    .orderBy(desc(mashContact.receivedAt), desc(mashContact.id))
    .limit(parsePageSize(first, 50, 100));
}
