import { agencyCheck } from "@mash/agency-kit/disclosure/agency-check";
import { agencyCheckResolvers } from "@mash/agency-kit/disclosure/agency-check-resolvers";
import type { EnquiryResolvers, Resolvers } from "./__generated__/resolvers-types.js";

// Social care's part of the agency checks: its own check, judged by the same rule as every other
// agency's (the workflow in src/workflow/ sets the request time and the deadline).

/** `Enquiry.socialCareCheck`: social care answers its own check, like every other agency. */
const socialCareCheck: EnquiryResolvers["socialCareCheck"] = async (row, _args, ctx) =>
  agencyCheck(
    "social-care",
    row.id,
    // Enquiries opened before the workflow requested their checks when they were opened.
    { requestedAt: row.checksRequestedAt ?? row.openedAt, dueAt: row.checksDueAt },
    await ctx.loaders.disclosuresByEnquiry.load(row.id),
    ctx.now,
  );

/** Spread into `Enquiry` in resolvers.ts. */
export const enquiryCheckFields = { socialCareCheck } satisfies EnquiryResolvers;

/** `AgencyCheck`: the shared type's resolvers, from the runtime. */
export const agencyCheckTypeResolvers = {
  AgencyCheck: agencyCheckResolvers,
} satisfies Resolvers;
