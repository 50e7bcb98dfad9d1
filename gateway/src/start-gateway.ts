import { loadGatewayPublicKeys, loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner, createGatewayVerifier } from "@mash/platform/auth/gateway-token";
import { replayGuardFor } from "@mash/platform/auth/replay-guard";
import { collectConfiguration } from "@mash/platform/config/parse-env";
import { ErrorCode } from "@mash/platform/graphql/errors";
import { startGraphQLService } from "@mash/platform/http/graphql-service";
import { createLogger, type Logger } from "@mash/platform/observability/logger";
import { createMetrics } from "@mash/platform/observability/metrics";
import { startTracing } from "@mash/platform/observability/tracing";
import {
  loadSharedStoreConfig,
  openSharedStore,
} from "@mash/platform/shared-state/open-shared-store";
import {
  grantsFor,
  type Principal,
  type RequestAuthority,
} from "@mash/schema/authorization/principal";
import type { FastifyRequest } from "fastify";
import { GraphQLError } from "graphql";
import { loadAccessLogConfig } from "./access-log/access-log-config.js";
import { openAccessLog } from "./access-log/open-access-log.js";
import { refusalOf } from "./access-log/refused-request.js";
import { AUDIT_PATH, AUDIT_SUBGRAPH, mountAuditSubgraph } from "./audit/audit-subgraph.js";
import { loadAuthConfig } from "./auth/auth-config.js";
import { createAuthenticator } from "./auth/authenticate.js";
import { loadAuthorizationConfig } from "./authorization/authorization-config.js";
import { forgetPurposesAfterMutation } from "./authorization/forget-after-mutation.js";
import {
  createPurposeVerifier,
  PURPOSE_HEADER,
  type PurposeVerifier,
} from "./authorization/purpose-verifier.js";
import { loadGatewayConfig, loadSubgraphTimeouts, loadSubgraphUrlOverrides } from "./config.js";
import type { GatewayContext } from "./context.js";
import { createGateway } from "./create-gateway.js";
import { trustsDevIdentityProvider } from "./dev/dev-identity-provider.js";
import { registerDevTokenRoutes } from "./dev/dev-token-routes.js";
import { registerPlaygroundRoutes } from "./playground/playground-routes.js";
import { rateLimitPlugin } from "./rate-limits/rate-limit-plugin.js";
import { createRateLimits, loadRateLimitConfig } from "./rate-limits/rate-limits.js";
import { clientRequestIdOf } from "./request-id.js";
import { readSupergraph } from "./supergraph/read-supergraph.js";

export interface RunningGateway {
  url: string;
  port: number;
  logger: Logger;
  close(): Promise<void>;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * Reads configuration and the supergraph, then serves /graphql, /healthz, /readyz and /metrics;
 * the playground at / unless switched off, and development tokens where the development identity
 * provider is trusted.
 */
export async function startGateway(env: NodeJS.ProcessEnv = process.env): Promise<RunningGateway> {
  // Every setting is read before anything starts, and every problem is reported at once.
  const [
    config,
    authConfig,
    authorization,
    signingKey,
    publicKeys,
    storeConfig,
    rateLimitConfig,
    accessLogConfig,
  ] = collectConfiguration(env, [
    () => loadGatewayConfig(env),
    () => loadAuthConfig(env),
    () => loadAuthorizationConfig(env),
    () => loadGatewaySigningKey(env),
    // The audit subgraph and the access log's signed heads are checked with the gateway's own keys.
    () => loadGatewayPublicKeys(env, "gateway"),
    () => loadSharedStoreConfig("gateway", env),
    () => loadRateLimitConfig(env),
    () => loadAccessLogConfig(env),
  ] as const);
  // What every replica must agree on: verified purposes, rate budgets, spent audit tokens.
  const store = await openSharedStore("gateway", storeConfig);
  const signer = createGatewaySigner({ privateJwk: signingKey });
  const supergraph = readSupergraph(config.supergraphPath);
  const subgraphUrls = loadSubgraphUrlOverrides(
    supergraph.subgraphs.map((subgraph) => subgraph.name),
    env,
  );
  const subgraphTimeoutsMs = loadSubgraphTimeouts(
    supergraph.subgraphs.map((subgraph) => subgraph.name),
    env,
  );
  // The audit subgraph is served by this very process: reach it where this gateway listens.
  subgraphUrls[AUDIT_SUBGRAPH] ??= `http://${config.host}:${config.port}${AUDIT_PATH}`;
  const tracing = startTracing("gateway", env);
  const logger = createLogger("gateway", config.logLevel);
  const metrics = createMetrics("gateway");
  const rateLimits = createRateLimits(store, rateLimitConfig, (budget) =>
    metrics.rateLimitRefusals.inc({ budget }),
  );
  const accessLog = config.accessLog
    ? await openAccessLog({
        target: config.database,
        config: accessLogConfig,
        logger,
        metrics,
        signingKey,
        publicKeys,
      })
    : undefined;
  const authenticator = createAuthenticator(authConfig);

  const purposeHostName = authorization.purposeSubgraph ?? supergraph.purposeHost;
  const purposeHost = supergraph.subgraphs.find((subgraph) => subgraph.name === purposeHostName);
  const purposes: PurposeVerifier | undefined = purposeHost
    ? createPurposeVerifier({
        url: subgraphUrls[purposeHost.name] ?? purposeHost.url,
        audience: purposeHost.name,
        signer,
        cacheMs: authorization.purposeCacheMs,
        timeoutMs: subgraphTimeoutsMs[purposeHost.name] ?? config.subgraphTimeoutMs,
        store,
        logger,
      })
    : undefined;

  const { apollo, gateway } = createGateway({
    supergraph,
    subgraphUrls,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    subgraphTimeoutsMs,
    authorization,
    signer,
    logger,
    metrics,
    accessLog: accessLog?.writer,
    plugins: [
      rateLimitPlugin(rateLimits),
      ...(purposes ? [forgetPurposesAfterMutation(purposes)] : []),
    ],
    introspection: config.nodeEnv !== "production",
    limits: config.operationLimits,
    suggestions: config.nodeEnv === "development",
    shareInFlightFetches: config.shareInFlightFetches,
  });
  /** Who is asking, and for what: the caller's token, then their declared purpose, verified. */
  const decide = async (
    request: FastifyRequest,
    caller: { principal: Principal | null },
  ): Promise<RequestAuthority> => {
    const credentials = headerValue(request, "authorization");
    // An address that keeps presenting bad tokens is refused before any is looked at.
    if (credentials) await rateLimits.checkSignIns(request.ip);
    const principal = await authenticator.authenticate(credentials).catch(async (error) => {
      await rateLimits.signInFailed(request.ip);
      throw error;
    });
    caller.principal = principal;
    const declared = headerValue(request, PURPOSE_HEADER);
    if (!declared) return { principal, purpose: null, breakGlass: [] };
    if (!principal) {
      throw new GraphQLError("Sign in before declaring a purpose.", {
        extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
      });
    }
    if (!purposes) {
      throw new GraphQLError("This graph has no MASH enquiries to declare as a purpose.", {
        extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } },
      });
    }
    return { principal, ...(await purposes.verify(principal, declared)) };
  };

  const contextFor = async (request: FastifyRequest): Promise<GatewayContext> => {
    const clientRequestId = clientRequestIdOf(request.headers["x-request-id"]);
    const caller: { principal: Principal | null } = { principal: null };
    let authority: RequestAuthority;
    try {
      authority = await decide(request, caller);
    } catch (error) {
      // Refused before it ran (sign-in, purpose): on record all the same, bounded per caller.
      const refusal = accessLog
        ? refusalOf({
            request,
            error,
            principal: caller.principal,
            clientRequestId,
            declaredPurpose: headerValue(request, PURPOSE_HEADER),
            read: (query, operationName) => gateway.requestedOperation(query, operationName),
          })
        : null;
      if (refusal) await accessLog?.refusals.refuse(refusal);
      throw error;
    }
    return {
      requestId: request.id,
      clientRequestId,
      clientAddress: request.ip,
      logger,
      authority,
      grants: grantsFor(authority),
      access: { deniedPaths: [], rejected: false },
    };
  };

  const devTokens = trustsDevIdentityProvider(authConfig);
  let loaded = false;
  const service = await startGraphQLService({
    service: "gateway",
    host: config.host,
    port: config.port,
    logger,
    metrics,
    apollo,
    adoptIncomingRequestId: false,
    context: contextFor,
    checkReady: async () => {
      if (!loaded) throw new Error("supergraph not loaded");
      // Without its access log the gateway can release nothing protected: not ready.
      await accessLog?.database.ping();
      await store.ping();
    },
    routes: async (app) => {
      if (config.playground) registerPlaygroundRoutes(app, { logger });
      if (devTokens) registerDevTokenRoutes(app);
      if (accessLog) {
        await mountAuditSubgraph(app, {
          db: accessLog.database.db,
          verify: accessLog.verify,
          logger,
          metrics,
          verifier: createGatewayVerifier({
            publicJwks: publicKeys,
            audience: AUDIT_SUBGRAPH,
            replayGuard: replayGuardFor(store, AUDIT_SUBGRAPH),
          }),
        });
      }
    },
  });
  loaded = true;
  logger.info(
    {
      url: service.url,
      subgraphs: supergraph.subgraphs.map((subgraph) => subgraph.name),
      authorization: authorization.mode,
      playground: config.playground ? service.url.replace(/graphql$/, "") : "off",
      devTokens,
      sharedState: store.kind,
    },
    "gateway ready",
  );
  return {
    url: service.url,
    port: service.port,
    logger,
    close: async () => {
      await service.close();
      await accessLog?.close();
      await store.close();
      await tracing.shutdown();
    },
  };
}
