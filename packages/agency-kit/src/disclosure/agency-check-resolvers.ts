import { aboutEnquiry } from "@mash/platform/authorization/purpose-scope";
import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import { unauthorizedField } from "@mash/platform/authorization/unauthorized-error";
import type { AgencyCheckView, AgencyValue } from "./agency-check.js";

const SUMMARY_SCOPE: Record<AgencyValue, string> = {
  social_care: "social-care:summary",
  police: "police:summary",
  health: "health:summary",
  probation: "probation:summary",
};

/**
 * The answer's words (summary, decline reason) are the agency's disclosure itself, so they follow
 * the disclosure's own rules, which one shared SDL declaration cannot express: the caller needs
 * *that* agency's summary scope (the SDL's OR of the four only says "some agency's"), and the
 * enquiry must be the declared purpose (declared below: a work queue shows statuses, never words).
 */
function releaseAnswer(check: AgencyCheckView, auth: SubgraphAuthorization) {
  if (!auth.grants.scopes.has(SUMMARY_SCOPE[check.agency])) {
    throw unauthorizedField("MISSING_REQUIREMENT");
  }
  return check.answer;
}

type AnswerContext = { auth: SubgraphAuthorization };

/** `AgencyCheck`'s resolvers, the same in every subgraph (the type is shared). */
export const agencyCheckResolvers = {
  summary: aboutEnquiry(
    (check: AgencyCheckView) => check.enquiryId,
    (check: AgencyCheckView, _args: unknown, ctx: AnswerContext) =>
      releaseAnswer(check, ctx.auth)?.summary ?? null,
  ),
  declineReason: aboutEnquiry(
    (check: AgencyCheckView) => check.enquiryId,
    (check: AgencyCheckView, _args: unknown, ctx: AnswerContext) =>
      releaseAnswer(check, ctx.auth)?.declineReason ?? null,
  ),
};
