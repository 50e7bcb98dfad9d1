import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { trace } from "@opentelemetry/api";
import type { GraphQLFormattedError } from "graphql";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "../authorization/unauthorized-error.js";
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

export interface RequestLogOptions {
  /**
   * Count the UNAUTHORIZED_FIELD_OR_TYPE errors of each answer as authorization denials, by their
   * reason: a subgraph's own refusals. The gateway counts what its filter removed instead (errors
   * in its answers also repeat a subgraph's, and may be configured away).
   */
  countDenials?: boolean;
}

/**
 * Logs one line per request (ids, operation, duration and error codes; never variables or
 * values), times it per operation, and names the operation on the request's span.
 */
export function requestLogPlugin<TContext extends BaseContext & RequestIdentity>(
  logger: Logger,
  metrics: ServiceMetrics,
  options: RequestLogOptions = { countDenials: true },
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
          const operationType = operation?.operation ?? "unknown";
          const label = metrics.operationLabel(operationName);
          metrics.graphqlRequests.observe(
            { operation_type: operationType, operation: label, outcome },
            seconds,
          );
          trace.getActiveSpan()?.setAttributes({
            "graphql.operation.type": operationType,
            "graphql.operation.name": label,
          });
          if (options.countDenials) {
            for (const error of errors ?? []) {
              if (error.extensions?.code !== UNAUTHORIZED_FIELD_OR_TYPE) continue;
              const reason = error.extensions.reason;
              metrics.authorizationDenials.inc({
                reason: typeof reason === "string" ? reason : "UNAUTHORIZED",
              });
            }
          }
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
