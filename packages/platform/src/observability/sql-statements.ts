import { SpanKind } from "@opentelemetry/api";
import type { ServiceMetrics } from "./metrics.js";
import { inSpan } from "./tracing.js";

/** What a statement does, as labels and span names may say it: never its parameters. */
export interface StatementShape {
  /** SELECT, INSERT, UPDATE, DELETE, or OTHER (DDL, a function call, …). */
  operation: "SELECT" | "INSERT" | "UPDATE" | "DELETE" | "OTHER";
  /** The first table it names, when one can be read from it. */
  table?: string;
}

/** BEGIN, COMMIT, ROLLBACK and savepoints: how a transaction is bracketed, not work done in it. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;
const FIRST_WORD = /^\s*\(?\s*([a-z]+)/i;
/** The table after FROM / INTO / UPDATE, quoted as drizzle writes it or bare. */
const TABLE = /\b(?:from|into|update)\s+(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?/i;

/**
 * The shape of a statement from its text, which holds placeholders ($1, $2, …) and identifiers
 * only: drizzle sends every value as a parameter, and parameters are never read here.
 */
export function describeStatement(text: string): StatementShape | undefined {
  if (TRANSACTION_CONTROL.test(text)) return undefined;
  const word = FIRST_WORD.exec(text)?.[1]?.toUpperCase();
  // A WITH query is named by what its main statement does: a CTE-led insert is an INSERT.
  const main =
    word === "WITH" ? /\)\s*(select|insert|update|delete)\b/i.exec(text)?.[1]?.toUpperCase() : word;
  const operation =
    main === "SELECT" || main === "INSERT" || main === "UPDATE" || main === "DELETE"
      ? main
      : "OTHER";
  const table = operation === "OTHER" ? undefined : TABLE.exec(text)?.[1];
  return table ? { operation, table } : { operation };
}

/** Times each statement a database client sends: a span in the current trace and a histogram. */
export type StatementObserver = <T>(text: string, run: () => Promise<T>) => Promise<T>;

export function observeStatements(
  metrics: Pick<ServiceMetrics, "sqlStatementDuration">,
): StatementObserver {
  return async (text, run) => {
    const shape = describeStatement(text);
    if (!shape) return run();
    const started = process.hrtime.bigint();
    try {
      return await inSpan(
        shape.table ? `${shape.operation} ${shape.table}` : shape.operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "db.system.name": "postgresql",
            "db.operation.name": shape.operation,
            ...(shape.table ? { "db.collection.name": shape.table } : {}),
          },
        },
        run,
      );
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.sqlStatementDuration.observe({ statement: shape.operation.toLowerCase() }, seconds);
    }
  };
}
