import { ErrorCode } from "@mash/platform/graphql/errors";
import { GraphQLError } from "graphql";

// The workflow's own refusals, each with a code clients switch on (see docs/workflow.md).

export function invalidTransition(message: string, from: string, action: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.InvalidTransition, from: from.toUpperCase(), action },
  });
}

export function staleVersion(expected: number, current: number): GraphQLError {
  return new GraphQLError(
    "Someone changed the enquiry since you read it: read it again and retry.",
    {
      extensions: {
        code: ErrorCode.StaleVersion,
        expectedVersion: expected,
        currentVersion: current,
      },
    },
  );
}

export function idempotencyKeyReused(): GraphQLError {
  return new GraphQLError(
    "This idempotency key was already used for a different contact: use a new key.",
    { extensions: { code: ErrorCode.IdempotencyKeyReused, field: "input.idempotencyKey" } },
  );
}

export function checksOutstanding(agencies: readonly string[]): GraphQLError {
  return new GraphQLError(
    "Agency checks are outstanding: give outstandingChecksOverrideReason to decide now.",
    {
      extensions: {
        code: ErrorCode.ChecksOutstanding,
        field: "input.outstandingChecksOverrideReason",
        outstandingAgencies: agencies.map((agency) => agency.toUpperCase()),
      },
    },
  );
}

export function agencyNotRequested(agency: string): GraphQLError {
  return new GraphQLError(
    "This enquiry did not ask your agency to check: there is no check of yours to take up.",
    { extensions: { code: ErrorCode.Forbidden, reason: "AGENCY_NOT_REQUESTED", agency } },
  );
}
