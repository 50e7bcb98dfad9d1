import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * One registry per process, exposed at `/metrics`. Labels hold only names the code or the schema
 * chose (services, subgraphs, statement kinds, error reasons) and operation names, which are
 * bounded: never an id, a value or anything a caller typed into a variable.
 */
export interface ServiceMetrics {
  registry: Registry;
  sqlStatements: Counter<"service">;
  /** Per SQL statement kind: select, insert, update, delete, other. */
  sqlStatementDuration: Histogram<"service" | "statement">;
  /** Per operation (its name, bounded: see `operationLabel`), its type and whether it erred. */
  graphqlRequests: Histogram<"service" | "operation_type" | "operation" | "outcome">;
  /** The gateway's fetches, per subgraph: ok, error (a GraphQL error answer) or unavailable. */
  subgraphFetches: Histogram<"service" | "subgraph" | "outcome">;
  /** Selections refused to a caller, by reason (the gateway's filter; a subgraph's own check). */
  authorizationDenials: Counter<"service" | "reason">;
  /** Access-log entries committed, lost with a failed write, or refused with the queue full (503). */
  accessLogWrites: Counter<"service" | "outcome">;
  /** Requests refused by a rate limit, by budget (reads, writes, sign-ins). */
  rateLimitRefusals: Counter<"service" | "budget">;
  /** The operation label for `name`: itself while few names are seen, else "(other)". */
  operationLabel(name: string | null | undefined): string;
}

/** Request latency, from a fast cached answer to a slow agency at its timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** SQL statements: most take a millisecond or less. */
const STATEMENT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/**
 * Operation names come from clients, so their number is not ours to bound: the first this many
 * distinct names get a series each, later ones share "(other)", and a flood of invented names
 * cannot grow the registry without end.
 */
const MAX_OPERATION_NAMES = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const operationNames = new Set<string>();
  return {
    registry,
    sqlStatements: new Counter({
      name: "mash_sql_statements_total",
      help: "SQL statements sent to the service's database.",
      labelNames: ["service"],
      registers: [registry],
    }),
    sqlStatementDuration: new Histogram({
      name: "mash_sql_statement_duration_seconds",
      help: "SQL statement duration, by kind of statement (transaction control aside).",
      labelNames: ["service", "statement"],
      buckets: STATEMENT_BUCKETS,
      registers: [registry],
    }),
    graphqlRequests: new Histogram({
      name: "mash_graphql_request_duration_seconds",
      help: "GraphQL request duration, by operation.",
      labelNames: ["service", "operation_type", "operation", "outcome"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    subgraphFetches: new Histogram({
      name: "mash_subgraph_fetch_duration_seconds",
      help: "Duration of the gateway's fetches from each subgraph.",
      labelNames: ["service", "subgraph", "outcome"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    authorizationDenials: new Counter({
      name: "mash_authorization_denials_total",
      help: "Selections refused to a caller, by reason.",
      labelNames: ["service", "reason"],
      registers: [registry],
    }),
    accessLogWrites: new Counter({
      name: "mash_access_log_writes_total",
      help: "Access-log entries: committed, failed (a write failed) or refused (the queue was full); the caller of a failed or refused one got 503.",
      labelNames: ["service", "outcome"],
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: "mash_rate_limit_refusals_total",
      help: "Requests refused by a rate limit, by budget.",
      labelNames: ["service", "budget"],
      registers: [registry],
    }),
    operationLabel: (name) => {
      if (!name) return "(anonymous)";
      if (!GRAPHQL_NAME.test(name)) return "(other)";
      if (operationNames.has(name)) return name;
      if (operationNames.size >= MAX_OPERATION_NAMES) return "(other)";
      operationNames.add(name);
      return name;
    },
  };
}
