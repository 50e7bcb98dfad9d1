import { agencyCheck } from "@mash/agency-kit/disclosure/agency-check";
import { agencyCheckResolvers } from "@mash/agency-kit/disclosure/agency-check-resolvers";
import type { EnquiryResolvers, Resolvers } from "./__generated__/resolvers-types.js";
import { checkRequestOf } from "./workflow/check-request.js";
import { decisionBasis } from "./workflow/decision-basis.js";

// Social care's part of the agency checks: its own check, judged by the same rule as every other
// agency's (the workflow in src/workflow/ sets the request time and the deadline).

/** `Enquiry.socialCareCheck`: social care answers its own check, like every other agency. */
const socialCareCheck: EnquiryResolvers["socialCareCheck"] = async (row, _args, ctx) =>
  agencyCheck(
    "social-care",
    row.id,
    checkRequestOf(row),
    await ctx.loaders.disclosuresByEnquiry.load(row.id),
    ctx.now,
  );

/**
 * `Enquiry.decisionBasis`: every agency's check for the manager's decision, the other agencies'
 * statuses as the gateway fetched them from those agencies (see workflow/decision-basis.ts).
 */
const decisionBasisField: EnquiryResolvers["decisionBasis"] = (row, _args, ctx) =>
  decisionBasis(ctx, row);

/** Spread into `Enquiry` in resolvers.ts. */
export const enquiryCheckFields = {
  socialCareCheck,
  decisionBasis: decisionBasisField,
  requestedAgencies: (row) => [...(checkRequestOf(row).agencies ?? [])],
} satisfies EnquiryResolvers;

/** `AgencyCheck`: the shared type's resolvers, from the runtime. */
export const agencyCheckTypeResolvers = {
  AgencyCheck: agencyCheckResolvers,
} satisfies Resolvers;
