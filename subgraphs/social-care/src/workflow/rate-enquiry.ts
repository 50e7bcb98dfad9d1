import { badUserInput } from "@mash/platform/graphql/errors";
import type { RateEnquiryInput } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import { enquiryParticipant, enquiryRatingChange } from "../db/schema.js";
import { requireCaller } from "./caller.js";
import { warnIfBeyondBankHolidays } from "./check-configuration.js";
import { type DeadlineConfig, deadlineConfig, type RatingName } from "./deadline-config.js";
import { checksDeadline } from "./deadlines.js";
import { nextState } from "./state-machine.js";
import { updateEnquiryAtVersion } from "./versioned-enquiry.js";

/**
 * Rates or re-rates an enquiry. The deadline runs from the moment of this rating (a re-rating to
 * RED asks for checks within RED's hours from now, not from when the enquiry opened). Each rating
 * is kept, with who, when, why, from and to.
 */
export async function rateEnquiry(
  ctx: SocialCareContext,
  input: RateEnquiryInput,
  config: DeadlineConfig = deadlineConfig(),
) {
  const caller = requireCaller(ctx);
  const rationale = input.rationale.trim();
  if (rationale.length < 10 || rationale.length > 4000) {
    throw badUserInput("The rationale must be 10 to 4000 characters.", {
      field: "input.rationale",
      reason: "OUT_OF_RANGE",
    });
  }
  return updateEnquiryAtVersion(ctx, input, async (current, tx) => {
    const status = nextState(current.status, "rate");
    const dueAt = checksDeadline(input.rating.toUpperCase() as RatingName, ctx.now, config);
    if (config.ratings[input.rating.toUpperCase() as RatingName]?.clock === "working_hours") {
      warnIfBeyondBankHolidays(config, dueAt, ctx.logger);
    }
    await tx.insert(enquiryRatingChange).values({
      enquiryId: current.id,
      fromRating: current.rating,
      toRating: input.rating,
      rationale,
      changedBy: caller.id,
      changedAt: ctx.now,
      dueAt,
    });
    // Whoever rates works on the enquiry from now on, so may declare it as their purpose.
    await tx
      .insert(enquiryParticipant)
      .values({ enquiryId: current.id, principalId: caller.id, agency: caller.agency })
      .onConflictDoNothing();
    return { status, rating: input.rating, checksDueAt: dueAt };
  });
}
