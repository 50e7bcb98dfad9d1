import { badUserInput } from "@mash/platform/graphql/errors";
import { eq } from "drizzle-orm";
import type { CloseEnquiryInput, DecideEnquiryInput } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import { enquiryDecision, mashContact } from "../db/schema.js";
import { requireCaller } from "./caller.js";
import { outstandingForDecision } from "./decision-basis.js";
import { nextState } from "./state-machine.js";
import { updateEnquiryAtVersion } from "./versioned-enquiry.js";
import { checksOutstanding } from "./workflow-errors.js";

function text(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(`Must be ${min} to ${max} characters.`, { field, reason: "OUT_OF_RANGE" });
  }
  return trimmed;
}

/**
 * The MASH manager's decision. The checks still outstanding are derived, never taken from the
 * client: social care's own from its database, the other agencies' from the signed decision basis
 * the manager read (`Enquiry.decisionBasis`, statuses the agencies reported through the gateway;
 * without one, every other agency asked is outstanding). With any outstanding, the manager must say
 * why they decide anyway (CHECKS_OUTSTANDING otherwise).
 */
export async function decideEnquiry(ctx: SocialCareContext, input: DecideEnquiryInput) {
  const caller = requireCaller(ctx);
  const rationale = text(input.rationale, "input.rationale", 10, 4000);
  const referrerFeedback = text(input.referrerFeedback, "input.referrerFeedback", 10, 2000);
  const override = input.outstandingChecksOverrideReason?.trim()
    ? text(input.outstandingChecksOverrideReason, "input.outstandingChecksOverrideReason", 10, 2000)
    : null;
  return updateEnquiryAtVersion(ctx, input, async (current, tx) => {
    const status = nextState(current.status, "decide");
    const outstanding = await outstandingForDecision(tx, current, input.checksBasis, ctx.now);
    if (outstanding.length > 0 && !override) throw checksOutstanding(outstanding);
    await tx.insert(enquiryDecision).values({
      enquiryId: current.id,
      outcome: input.outcome,
      rationale,
      referrerFeedback,
      outstandingAgencies: outstanding,
      outstandingChecksOverrideReason: override,
      decidedBy: caller.id,
      decidedAt: ctx.now,
    });
    if (current.contactId) {
      await tx
        .update(mashContact)
        .set({ status: "decided" })
        .where(eq(mashContact.id, current.contactId));
    }
    return { status };
  });
}

/** Closes a decided enquiry. */
export async function closeEnquiry(ctx: SocialCareContext, input: CloseEnquiryInput) {
  const caller = requireCaller(ctx);
  return updateEnquiryAtVersion(ctx, input, async (current) => ({
    status: nextState(current.status, "close"),
    closedAt: ctx.now,
    closedBy: caller.id,
  }));
}
