import { badUserInput, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { eq, sql } from "drizzle-orm";
import type { SocialCareContext } from "../context.js";
import { enquiry } from "../db/schema.js";
import { staleVersion } from "./workflow-errors.js";

export type EnquiryRow = typeof enquiry.$inferSelect;
type Transaction = Parameters<Parameters<SocialCareContext["db"]["transaction"]>[0]>[0];

/**
 * Runs one workflow step on an enquiry in a transaction, under a row lock, only if the caller read
 * the current version: two practitioners editing at once cannot overwrite each other (the second
 * gets STALE_VERSION and reads again). `step` returns the columns to change; the version is
 * bumped with them.
 */
export async function updateEnquiryAtVersion(
  ctx: SocialCareContext,
  input: { enquiryId: string; expectedVersion: number },
  step: (current: EnquiryRow, tx: Transaction) => Promise<Partial<EnquiryRow>>,
): Promise<EnquiryRow> {
  const enquiryId = parseUuidArgument(input.enquiryId, "input.enquiryId", "Enquiry");
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
    throw badUserInput("expectedVersion is the enquiry's version as you read it (1 or more).", {
      field: "input.expectedVersion",
      reason: "OUT_OF_RANGE",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(enquiry)
      .where(eq(enquiry.id, enquiryId))
      .for("update");
    if (!current) throw notFound("Enquiry", enquiryId);
    if (current.version !== input.expectedVersion) {
      throw staleVersion(input.expectedVersion, current.version);
    }
    const changes = await step(current, tx);
    const [updated] = await tx
      .update(enquiry)
      .set({ ...changes, version: sql`${enquiry.version} + 1` })
      .where(eq(enquiry.id, enquiryId))
      .returning();
    if (!updated) throw new Error("the locked enquiry was not updated");
    return updated;
  });
}
