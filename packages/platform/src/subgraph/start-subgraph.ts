import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import type { GraphQLSchema } from "graphql";
import { loadGatewayPublicKeys } from "../auth/gateway-keys.js";
import { createGatewayVerifier } from "../auth/gateway-token.js";
import { replayGuardFor } from "../auth/replay-guard.js";
import { enforceRequirements } from "../authorization/enforce-requirements.js";
import { ANONYMOUS, subgraphAuthorization } from "../authorization/subgraph-authorization.js";
import { collectConfiguration, type RuntimeMode } from "../config/parse-env.js";
import { loadSubgraphConfig } from "../config/subgraph-config.js";
import { type AgencyDatabase, openDatabase } from "../db/connect.js";
import { type DatabaseTarget, describeTarget } from "../db/target.js";
import { maskUnexpectedErrors, requestLogPlugin } from "../graphql/apollo-plugins.js";
import {
  clientFacingError,
  type OperationLimits,
  operationLimitOptions,
  SUBGRAPH_OPERATION_LIMITS,
} from "../graphql/operation-limits.js";
import { type RunningService, startGraphQLService } from "../http/graphql-service.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { createMetrics, type ServiceMetrics } from "../observability/metrics.js";
import { startTracing } from "../observability/tracing.js";
import { loadSharedStoreConfig, openSharedStore } from "../shared-state/open-shared-store.js";
import type { BaseRequestContext, SubgraphDefinition } from "./define-subgraph.js";
import { graphQLRequestOf } from "./graphql-request-of.js";
import { loadSeedConfig, type SeedRequest, type SubgraphSeeder, seedWhenEmpty } from "./seeding.js";
import { buildAgencySchema, readSubgraphTypeDefs } from "./subgraph-schema.js";

export interface PreparedSubgraph<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  database: AgencyDatabase<TTables>;
  /** The executable schema, its requirements enforced: what requests are validated against. */
  schema: GraphQLSchema;
  apollo: ApolloServer<TContext>;
  logger: Logger;
  metrics: ServiceMetrics;
  /** A context as a request from this caller would get it (tests call `executeOperation` with it). */
  contextFor(requestId: string, authority?: RequestAuthority): TContext;
}

/**
 * Opens the agency's database, applies its migrations, seeds it when empty (if asked: development
 * and tests), and builds its Apollo server. Migrating and seeding hold the database's deployment
 * lock, so replicas starting together do each once. Used by `startSubgraph` and by tests.
 */
export async function prepareSubgraph<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(
  definition: SubgraphDefinition<TTables, TContext>,
  options: {
    target: DatabaseTarget;
    logger?: Logger;
    seed?: SeedRequest<TTables> | undefined;
    /** Default true; false only under NODE_ENV=test (see SUBGRAPH_AUTHORIZATION). */
    enforceAuthorization?: boolean;
    /** Development adds introspection and "Did you mean" suggestions; default production. */
    mode?: RuntimeMode;
    /** How big one operation may be (default SUBGRAPH_OPERATION_LIMITS). */
    limits?: OperationLimits;
  },
): Promise<PreparedSubgraph<TTables, TContext>> {
  const logger = options.logger ?? createLogger(definition.agency, "silent");
  const metrics = createMetrics(definition.agency);
  const database = await openDatabase({
    target: options.target,
    schema: definition.tables,
    metrics,
  });
  await database.exclusively(
    async () => {
      await database.migrate(fileURLToPath(new URL("src/db/migrations", definition.packageRoot)));
      if (options.seed) await seedWhenEmpty(database.db, options.seed, logger);
    },
    () => logger.info("another process is migrating this database: waiting for it"),
  );

  await definition.onStart?.({ db: database.db, logger });

  const typeDefs = readSubgraphTypeDefs(definition.packageRoot, definition.agency);
  // The subgraph enforces its own SDL's requirements too: the gateway is not its only defence.
  const built = buildAgencySchema(typeDefs, definition.resolvers);
  const schema =
    options.enforceAuthorization === false
      ? built
      : enforceRequirements(built, RequirementIndex.fromSdl(typeDefs));
  const development = options.mode === "development";
  const apollo = new ApolloServer<TContext>({
    schema,
    ...operationLimitOptions(options.limits ?? SUBGRAPH_OPERATION_LIMITS),
    includeStacktraceInErrorResponses: false,
    // The gateway reads the subgraph's SDL through `_service`, never by introspection.
    introspection: development,
    formatError: (formatted, error) =>
      maskUnexpectedErrors(clientFacingError(formatted, error, { suggestions: development })),
    // Federated traces (ftv1) serve only Apollo's hosted usage reporting, and cache-control hints
    // only HTTP caching; nothing here is cacheable. Both hook every field resolution.
    plugins: [
      requestLogPlugin<TContext>(logger, metrics),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  const contextFor = (requestId: string, authority: RequestAuthority = ANONYMOUS) =>
    definition.createContext(
      { requestId, logger, auth: subgraphAuthorization(authority) },
      database.db,
    );
  return { database, schema, apollo, logger, metrics, contextFor };
}

export interface RunningSubgraph extends RunningService {
  logger: Logger;
}

export interface StartSubgraphOptions<TTables extends Record<string, unknown>> {
  env?: NodeJS.ProcessEnv;
  /**
   * Development only (`dev/server.ts`): fill an empty database with synthetic data, as
   * `SEED_ON_START`, `SEED` and `SEED_SUBJECTS` say. A production build never passes one.
   */
  seeder?: SubgraphSeeder<TTables>;
}

/** The whole life of a subgraph process: config from the environment, then serve until closed. */
export async function startSubgraph<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(
  definition: SubgraphDefinition<TTables, TContext>,
  options: StartSubgraphOptions<TTables> = {},
): Promise<RunningSubgraph> {
  const env = options.env ?? process.env;
  const [config, publicJwks, storeConfig, seedConfig] = collectConfiguration(env, [
    () => loadSubgraphConfig(definition, env),
    () => loadGatewayPublicKeys(env, definition.agency),
    () => loadSharedStoreConfig(definition.agency, env),
    // Only the development entry point passes a seeder; seeding is refused in production.
    () => (options.seeder ? loadSeedConfig(definition.agency, env) : undefined),
  ] as const);
  const tracing = startTracing(definition.agency, env);
  const logger = createLogger(definition.agency, config.logLevel);
  // Spent gateway tokens are remembered where every replica of this subgraph sees them.
  const store = await openSharedStore(definition.agency, storeConfig);
  logger.info({ database: describeTarget(config.database) }, "opening database");
  const prepared = await prepareSubgraph(definition, {
    target: config.database,
    logger,
    seed:
      options.seeder && seedConfig?.onStart ? { seeder: options.seeder, ...seedConfig } : undefined,
    enforceAuthorization: config.enforceAuthorization,
    mode: config.nodeEnv,
    limits: config.operationLimits,
  });
  if (!config.enforceAuthorization) {
    logger.warn("authorization enforcement is OFF (NODE_ENV=test): never expose this subgraph");
  }
  const verifier = createGatewayVerifier({
    publicJwks,
    audience: definition.agency,
    replayGuard: replayGuardFor(store, definition.agency),
  });
  const service = await startGraphQLService({
    service: definition.agency,
    host: config.host,
    port: config.port,
    logger,
    metrics: prepared.metrics,
    apollo: prepared.apollo,
    // Only requests the gateway signed for this subgraph, bound to this very document and these
    // variables, get an answer; anything else (a direct `_entities` call included) gets 401.
    context: async (request) =>
      prepared.contextFor(
        request.id,
        await verifier.verify(request.headers.authorization, graphQLRequestOf(request)),
      ),
    checkReady: async () => {
      await prepared.database.ping();
      await store.ping();
    },
  });
  logger.info({ url: service.url, sharedState: store.kind }, "subgraph ready");
  const background = definition.background?.({ db: prepared.database.db, logger, env }) ?? null;
  return {
    ...service,
    logger,
    close: async () => {
      await background?.stop();
      await service.close();
      await prepared.database.close();
      await store.close();
      await tracing.shutdown();
    },
  };
}
