import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { GatewaySigner } from "@mash/platform/auth/gateway-token";
import { requestLogPlugin } from "@mash/platform/graphql/apollo-plugins";
import {
  clientFacingError,
  type OperationLimits,
  operationLimitOptions,
} from "@mash/platform/graphql/operation-limits";
import type { Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { parse } from "graphql";
import { Counter } from "prom-client";
import type { AccessLogWriter } from "./access-log/writer.js";
import type { AuthorizationConfig } from "./authorization/authorization-config.js";
import { AuthorizingGateway } from "./authorization/authorizing-gateway.js";
import { supergraphForApolloGateway } from "./authorization/supergraph-for-gateway.js";
import type { GatewayContext } from "./context.js";
import { registerCacheMetrics } from "./observability/cache-metrics.js";
import { denialMetricsPlugin } from "./observability/denial-metrics.js";
import { InFlightFetches } from "./subgraphs/in-flight-fetches.js";
import { SubgraphDataSource } from "./subgraphs/subgraph-data-source.js";
import { formatGatewayError } from "./subgraphs/unavailable-agencies.js";
import { documentRequirements } from "./supergraph/document-requirements.js";
import type { LoadedSupergraph } from "./supergraph/read-supergraph.js";

export interface GatewayOptions {
  supergraph: LoadedSupergraph;
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** `<SUBGRAPH>_TIMEOUT_MS`: a subgraph's own timeout, over `subgraphTimeoutMs`. */
  subgraphTimeoutsMs?: Record<string, number>;
  authorization: AuthorizationConfig;
  signer: GatewaySigner;
  logger: Logger;
  metrics: ServiceMetrics;
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** Where accesses to protected data are recorded; without it nothing is. */
  accessLog?: AccessLogWriter | undefined;
  /** Answer introspection (the playground needs it): development and test only. */
  introspection: boolean;
  /** How big one client operation may be. */
  limits: OperationLimits;
  /** "Did you mean …" in error messages: development only, they name fields to a blind prober. */
  suggestions: boolean;
  /** Identical reads in flight for callers with the same authority share one subgraph fetch. */
  shareInFlightFetches?: boolean;
}

export interface GatewayServer {
  apollo: ApolloServer<GatewayContext>;
  gateway: AuthorizingGateway;
}

/**
 * The federation gateway: @apollo/gateway plans each query across subgraphs; AuthorizingGateway
 * filters it for the caller first, with the requirements read from the supergraph as composed.
 */
export function createGateway(options: GatewayOptions): GatewayServer {
  // Unless told otherwise, @apollo/gateway reports usage to Apollo's servers every hour and at
  // shutdown, after probing cloud metadata endpoints: a safeguarding deployment sends nothing
  // anywhere it was not configured to.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const shared = new Counter({
    name: "mash_subgraph_fetches_shared_total",
    help: "Subgraph fetches answered from an identical one in flight for a caller with the same authority.",
    labelNames: ["subgraph"],
    registers: [options.metrics.registry],
  });
  const inFlight =
    options.shareInFlightFetches === false
      ? undefined
      : new InFlightFetches({ onShared: (subgraph) => shared.inc({ subgraph }) });
  const inner = new ApolloGateway({
    supergraphSdl: supergraphForApolloGateway(options.supergraph.sdl),
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        url: options.subgraphUrls[name] ?? url ?? "",
        timeoutMs: options.subgraphTimeoutsMs?.[name] ?? options.subgraphTimeoutMs,
        signer: options.signer,
        metrics: options.metrics,
        agencyChecks: options.supergraph.agencyChecks.get(name) ?? [],
        ...(inFlight ? { inFlight } : {}),
      }),
    logger: options.logger,
    // Query plans by approximate size: the default 30 MiB held several hundred MB of heap once
    // thousands of distinct operations had been planned; real clients send tens, not thousands.
    experimental_approximateQueryPlanStoreMiB: 8,
    // Its spans (request, validate, plan, execute, fetch) join the trace, without the document or
    // exceptions: an exception's message can quote a variable's value.
    telemetry: { includeDocument: false, recordExceptions: false },
  });
  const index = RequirementIndex.fromSdl(parse(options.supergraph.sdl));
  // Registered before Apollo Server's own listener, so the schema it introspects is documented.
  inner.onSchemaLoadOrUpdate(({ apiSchema }) => documentRequirements(apiSchema, index));
  const gateway = new AuthorizingGateway(inner, {
    mode: options.authorization.mode,
    errors: options.authorization.errors,
    index,
    logger: options.logger,
    ...(options.accessLog ? { accessLog: options.accessLog } : {}),
  });
  registerCacheMetrics(options.metrics.registry, [
    {
      name: "prepared_operations",
      entries: () => gateway.preparedOperations.entries,
      maxEntries: gateway.preparedOperations.maxEntries,
    },
    // @apollo/gateway keeps its plan cache private; its keys are public (bounded by size above).
    { name: "query_plans", entries: () => inner["queryPlanStore"].keys().length },
    { name: "subgraph_fetches_in_flight", entries: () => inFlight?.size ?? 0 },
    ...(options.accessLog
      ? [
          {
            name: "access_log_pending",
            entries: () => options.accessLog?.outstanding ?? 0,
            maxEntries: options.accessLog.maxPending,
          },
        ]
      : []),
  ]);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...operationLimitOptions(options.limits),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    formatError: (formatted, error) =>
      formatGatewayError(clientFacingError(formatted, error, { suggestions: options.suggestions })),
    plugins: [
      requestLogPlugin<GatewayContext>(options.logger, options.metrics, { countDenials: false }),
      denialMetricsPlugin(options.metrics),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  return { apollo, gateway };
}
