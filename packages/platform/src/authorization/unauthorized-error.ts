import { GraphQLError } from "graphql";

/** The Apollo Router's error for a field or type the caller may not see. */
export const UNAUTHORIZED_FIELD_OR_TYPE = "UNAUTHORIZED_FIELD_OR_TYPE";

/**
 * Why a subgraph refused a field: the gateway removes unauthorized fields before planning, so one
 * reaching a subgraph means a caller bypassed it or a record fell outside their purpose.
 */
export type UnauthorizedReason =
  | "MISSING_REQUIREMENT"
  | "OUTSIDE_PURPOSE"
  | "NO_BREAK_GLASS"
  | "OWNING_AGENCY_ONLY"
  /** A purpose-bound field whose declared scope named no subject or enquiry: denied. */
  | "PURPOSE_SCOPE_UNDETERMINED";

export function unauthorizedField(reason: UnauthorizedReason): GraphQLError {
  return new GraphQLError("Unauthorized field or type", {
    extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, reason },
  });
}
