import { type Logger, pino } from "pino";
import { activeRequestId, activeTraceId } from "./tracing.js";

export type { Logger };

/**
 * Paths that could carry personal data or secrets if they ever reach a log line. Log calls in this
 * codebase pass ids, counts and coordinates only; redaction is the second line of defence.
 */
const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-mash-principal"]',
  "variables",
  "*.variables",
  "query",
  "*.query",
];

/**
 * Every line written while a request is served carries its request id and trace id, read from the
 * request's context (see `serveTraced`), whoever logs it: the ids that join one practitioner's
 * request across the gateway, each subgraph, their traces and the access log.
 */
function requestIds(): Record<string, string> {
  const requestId = activeRequestId();
  const traceId = activeTraceId();
  return { ...(requestId ? { requestId } : {}), ...(traceId ? { traceId } : {}) };
}

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { service },
    mixin: requestIds,
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/**
 * What of an error may be logged. Database errors put row values in their `detail` ("Key
 * (nhs_number)=(…) already exists"), so for those only the SQLSTATE and object names are kept.
 */
export function describeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const dbError = error as Error & {
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
    routine?: unknown;
  };
  if (typeof dbError.code === "string" && /^[0-9A-Z]{5}$/.test(dbError.code)) {
    return {
      error: "DatabaseError",
      sqlState: dbError.code,
      table: dbError.table,
      constraint: dbError.constraint,
      routine: dbError.routine,
    };
  }
  return { error: error.name, message: error.message, stack: error.stack };
}
