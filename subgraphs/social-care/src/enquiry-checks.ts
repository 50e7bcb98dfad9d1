import { agencyCheck } from "@mash/runtime/disclosure/agency-check";
import { agencyCheckResolvers } from "@mash/runtime/disclosure/agency-check-resolvers";
import type { EnquiryResolvers, Resolvers } from "./__generated__/resolvers-types.js";

// Social care's part of the agency checks (issue #6), kept apart from resolvers.ts so the workflow
// branch, which owns the enquiry's rating and deadline, merges cleanly.

/**
 * Contract with the workflow branch: `rating`, `checksRequestedAt` and `checksDueAt`. Minimal
 * stand-ins: checks count as requested when the enquiry opened; rating and deadline are read from
 * the enquiry row and stay null until the workflow branch sets them.
 */
const contractFields = {
  rating: (row) => row.rating ?? null,
  checksRequestedAt: (row) => row.openedAt,
  checksDueAt: (row) => row.checksDueAt ?? null,
} satisfies EnquiryResolvers;

/** `Enquiry.socialCareCheck`: social care answers its own check, like every other agency. */
const socialCareCheck: EnquiryResolvers["socialCareCheck"] = async (row, _args, ctx) =>
  agencyCheck(
    "social-care",
    row.id,
    { requestedAt: row.openedAt, dueAt: row.checksDueAt ?? null },
    await ctx.loaders.disclosuresByEnquiry.load(row.id),
    ctx.now,
  );

/** Spread into `Enquiry` in resolvers.ts. */
export const enquiryCheckFields = { ...contractFields, socialCareCheck } satisfies EnquiryResolvers;

/** `AgencyCheck`: the shared type's resolvers, from the runtime. */
export const agencyCheckTypeResolvers = {
  AgencyCheck: agencyCheckResolvers,
} satisfies Resolvers;
