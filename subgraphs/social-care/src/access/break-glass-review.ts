import { parsePageSize } from "@mash/platform/graphql/cursor";
import { badUserInput, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { asc, eq } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { SocialCareContext } from "../context.js";
import { breakGlassGrant } from "../db/schema.js";

type ReviewStatus = (typeof breakGlassGrant.reviewStatus.enumValues)[number];

/** Grants awaiting (or having had) the data protection officer's review, oldest first. */
export function grantsForReview(
  ctx: SocialCareContext,
  args: { status?: ReviewStatus | null; first?: number | null },
) {
  return ctx.db
    .select()
    .from(breakGlassGrant)
    .where(eq(breakGlassGrant.reviewStatus, args.status ?? "pending"))
    .orderBy(asc(breakGlassGrant.grantedAt))
    .limit(parsePageSize(args.first, 50, 200));
}

export interface ReviewBreakGlassInput {
  grantId: string;
  outcome: ReviewStatus;
  note: string;
}

/** Records the review of one grant: once only, with the reviewer, the time and a note. */
export async function reviewBreakGlass(ctx: SocialCareContext, input: ReviewBreakGlassInput) {
  const reviewer = ctx.auth.authority.principal;
  if (!reviewer) throw new Error("a scope-checked mutation reached the resolver without a caller");
  const grantId = parseUuidArgument(input.grantId, "input.grantId", "BreakGlassGrant");
  if (input.outcome === "pending") {
    throw badUserInput("A review upholds the access or not: UPHELD or NOT_UPHELD.", {
      field: "input.outcome",
      reason: "INVALID_OUTCOME",
    });
  }
  const note = input.note.trim();
  if (note.length < 10 || note.length > 2000) {
    throw badUserInput("The note must be 10 to 2000 characters.", {
      field: "input.note",
      reason: "OUT_OF_RANGE",
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [grant] = await tx
      .select({ reviewStatus: breakGlassGrant.reviewStatus })
      .from(breakGlassGrant)
      .where(eq(breakGlassGrant.id, grantId))
      .for("update");
    if (!grant) throw notFound("BreakGlassGrant", grantId);
    if (grant.reviewStatus !== "pending") {
      throw new GraphQLError("This grant has already been reviewed.", {
        extensions: { code: "CONFLICT", reason: "ALREADY_REVIEWED" },
      });
    }
    const [reviewed] = await tx
      .update(breakGlassGrant)
      .set({
        reviewStatus: input.outcome,
        reviewedBy: reviewer.id,
        reviewedAt: ctx.now,
        reviewNote: note,
      })
      .where(eq(breakGlassGrant.id, grantId))
      .returning();
    if (!reviewed) throw new Error("the locked grant was not updated");
    return reviewed;
  });
}
