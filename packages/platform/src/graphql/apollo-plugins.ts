import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { describeErrorForLog, type Logger } from "../observability/logger.js";
import type { ServiceMetrics } from "../observability/metrics.js";
import { CLIENT_SAFE_CODES, ErrorCode } from "./errors.js";

export interface RequestIdentity {
  requestId: string;
}

/**
 * Replaces the message of any error not written for the caller. Unexpected errors may carry row
 * values (database detail) or internals; the caller gets a generic message and the request id, the
 * log gets what is safe to keep.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_SAFE_CODES.has(code)) return formatted;
  return {
    message: "Internal server error: the request could not be completed.",
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.Internal },
  };
}

/** Logs one line per request: ids, operation, duration and error codes; never variables or values. */
export function requestLogPlugin<TContext extends BaseContext & RequestIdentity>(
  logger: Logger,
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === "string" && CLIENT_SAFE_CODES.has(code)) continue;
            logger.error(
              {
                requestId: contextValue.requestId,
                ...describeErrorForLog(error.originalError ?? error),
              },
              "unexpected error while resolving",
            );
          }
        },
        async willSendResponse({ operation, operationName, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const outcome = errors?.length ? "error" : "ok";
          metrics.graphqlRequests.observe(
            { operation_type: operation?.operation ?? "unknown", outcome },
            seconds,
          );
          logger.debug(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Math.round(seconds * 1000),
              errorCodes: errors?.map((error) => error.extensions?.code ?? "UNKNOWN"),
            },
            "graphql request",
          );
        },
      };
    },
  };
}
