import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** One registry per process, exposed at `/metrics`. */
export interface ServiceMetrics {
  registry: Registry;
  sqlStatements: Counter<"service">;
  graphqlRequests: Histogram<"service" | "operation_type" | "outcome">;
}

export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    sqlStatements: new Counter({
      name: "mash_sql_statements_total",
      help: "SQL statements sent to the service's database.",
      labelNames: ["service"],
      registers: [registry],
    }),
    graphqlRequests: new Histogram({
      name: "mash_graphql_request_duration_seconds",
      help: "GraphQL request duration.",
      labelNames: ["service", "operation_type", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}
