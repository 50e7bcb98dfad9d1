import { GraphQLError } from "graphql";

/**
 * The `extensions.code` values this project emits. Clients switch on these, so they are part of the
 * API: add, never rename.
 */
export const ErrorCode = {
  /** An argument is malformed; `extensions.field` and `extensions.reason` say which and why. */
  BadUserInput: "BAD_USER_INPUT",
  /** A well-formed id names nothing. */
  NotFound: "NOT_FOUND",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  /** The request conflicts with the current state (a stale version, an invalid transition). */
  Conflict: "CONFLICT",
  /** The MASH workflow does not allow this step from the enquiry's or contact's current state. */
  InvalidTransition: "INVALID_TRANSITION",
  /** The `expectedVersion` is not the record's current version: someone else changed it first. */
  StaleVersion: "STALE_VERSION",
  /** An idempotency key was reused with a different payload. */
  IdempotencyKeyReused: "IDEMPOTENCY_KEY_REUSED",
  /** A decision while agency checks are outstanding, without the reason to go ahead anyway. */
  ChecksOutstanding: "CHECKS_OUTSTANDING",
  /** A dependency (database, access log, another agency) could not be reached. */
  ServiceUnavailable: "SERVICE_UNAVAILABLE",
  /** Operation limits (see operation-limits.ts): one code per limit, refused before anything runs. */
  OperationTooManyTokens: "OPERATION_TOO_MANY_TOKENS",
  OperationTooDeep: "OPERATION_TOO_DEEP",
  OperationTooManyAliases: "OPERATION_TOO_MANY_ALIASES",
  OperationTooManyDirectives: "OPERATION_TOO_MANY_DIRECTIVES",
  OperationTooCostly: "OPERATION_TOO_COSTLY",
  /** The caller has used up a rate limit's budget: HTTP 429 with Retry-After. */
  RateLimited: "RATE_LIMITED",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose messages are written for the caller and pass to them unchanged. */
export const CLIENT_SAFE_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "UNAUTHORIZED_FIELD_OR_TYPE",
  // The gateway's own refusal of an operation that inlines to too many selections.
  "OPERATION_TOO_LARGE",
]);

export function badUserInput(
  message: string,
  details: { field: string; reason: string },
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BadUserInput, field: details.field, reason: details.reason },
  });
}

export function notFound(typeName: string, id: string): GraphQLError {
  return new GraphQLError(`No ${typeName} with id ${id}`, {
    extensions: { code: ErrorCode.NotFound, typeName, id },
  });
}
