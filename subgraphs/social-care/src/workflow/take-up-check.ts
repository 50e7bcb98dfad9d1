import { type AgencyValue, requestsAgency } from "@mash/agency-kit/disclosure/agency-check";
import { notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { eq } from "drizzle-orm";
import type { TakeUpAgencyCheckInput } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import { enquiry, enquiryParticipant } from "../db/schema.js";
import { requireCaller } from "./caller.js";
import { checkRequestOf } from "./check-request.js";
import { ACTIVE_STATES } from "./state-machine.js";
import { agencyNotRequested, invalidTransition } from "./workflow-errors.js";

/**
 * A co-located practitioner takes up their agency's check on an enquiry from the work queue: they
 * join it (only when the enquiry asked their agency to check: FORBIDDEN, reason
 * AGENCY_NOT_REQUESTED, otherwise), so they may declare it as their purpose and answer the check. The participant row
 * records who, for which agency, and when (the first take-up: taking it up again keeps it).
 *
 * The enquiry is read under a share lock in the same transaction as the insert, so a decision or
 * closure cannot slip in between the "still active?" check and the joining: a practitioner never
 * joins an enquiry that is already decided. The enquiry itself is not changed (no version bump),
 * so taking up a check never makes a colleague's rating STALE_VERSION.
 */
export async function takeUpAgencyCheck(ctx: SocialCareContext, input: TakeUpAgencyCheckInput) {
  const caller = requireCaller(ctx);
  const enquiryId = parseUuidArgument(input.enquiryId, "input.enquiryId", "Enquiry");
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(enquiry).where(eq(enquiry.id, enquiryId)).for("share");
    if (!current) throw notFound("Enquiry", enquiryId);
    if (!ACTIVE_STATES.includes(current.status)) {
      throw invalidTransition(
        `An enquiry that is ${current.status.toUpperCase()} has no checks left to take up.`,
        current.status,
        "TAKE_UP_CHECK",
      );
    }
    // Only an agency the enquiry asked owes it a check: joining any other opens records for nothing.
    const agency = caller.agency.replace("-", "_") as AgencyValue;
    if (!requestsAgency(checkRequestOf(current), agency)) {
      throw agencyNotRequested(caller.agency);
    }
    await tx
      .insert(enquiryParticipant)
      .values({
        enquiryId,
        principalId: caller.id,
        agency: caller.agency,
        addedAt: ctx.now,
      })
      .onConflictDoNothing();
    return current;
  });
}
