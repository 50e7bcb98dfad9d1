import { fileURLToPath } from "node:url";
import {
  envSchemas,
  parseEnv,
  type RuntimeMode,
  refuseOutsideDevelopment,
} from "@mash/platform/config/parse-env";
import { agencyEnvPrefix } from "@mash/platform/config/subgraph-config";
import {
  type DatabaseTarget,
  loadDatabaseTimeouts,
  resolveDatabaseTarget,
} from "@mash/platform/db/target";
import {
  GATEWAY_OPERATION_LIMITS,
  loadOperationLimits,
  type OperationLimits,
} from "@mash/platform/graphql/operation-limits";
import { z } from "zod";

export interface GatewayConfig {
  host: string;
  port: number;
  nodeEnv: RuntimeMode;
  logLevel: string;
  supergraphPath: string;
  /** How long one subgraph fetch may take before that subgraph counts as unavailable. */
  subgraphTimeoutMs: number;
  /** The gateway's own store (the access log). */
  database: DatabaseTarget;
  /** Whether accesses to protected data are recorded (and the answer held until they are). */
  accessLog: boolean;
  /** GraphiQL at `/` (and introspection with it): development and test only, on by default there. */
  playground: boolean;
  /** How big one client operation may be (`OPERATION_MAX_*`). */
  operationLimits: OperationLimits;
  /**
   * Identical subgraph reads in flight together, for callers with the same authority, share one
   * fetch (`SUBGRAPH_FETCH_SHARING`, on by default; off to measure what it buys).
   */
  shareInFlightFetches: boolean;
}

const DEFAULT_SUPERGRAPH = fileURLToPath(
  new URL("../../schema/supergraph.graphql", import.meta.url),
);

/** Reads the gateway's own settings; refuses to start on any bad value, naming each one. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const schema = z.object({
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: envSchemas.port(4000),
    NODE_ENV: envSchemas.nodeEnv(),
    LOG_LEVEL: envSchemas.logLevel(),
    SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH),
    SUBGRAPH_TIMEOUT_MS: envSchemas.duration(5_000, 120_000),
    DATABASE_URL: envSchemas.postgresUrl(),
    GATEWAY_DATABASE_URL: envSchemas.postgresUrl(),
    DATA_DIR: z.string().min(1).optional(),
    ACCESS_LOG: z.enum(["enabled", "disabled"]).default("enabled"),
    PLAYGROUND: z.enum(["enabled", "disabled"]).optional(),
    SUBGRAPH_FETCH_SHARING: z.enum(["enabled", "disabled"]).default("enabled"),
  });
  const parsed = parseEnv("gateway", schema, env);
  // An unrecorded gateway, and a published schema with a console to explore it, are conveniences
  // for development and tests; production refuses them rather than run open.
  refuseOutsideDevelopment("gateway", parsed.NODE_ENV, [
    ...(parsed.ACCESS_LOG === "disabled"
      ? [{ variable: "ACCESS_LOG", value: "disabled", allowedIn: ["development", "test"] as const }]
      : []),
    ...(parsed.PLAYGROUND === "enabled"
      ? [{ variable: "PLAYGROUND", value: "enabled", allowedIn: ["development", "test"] as const }]
      : []),
  ]);
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    database: resolveDatabaseTarget("gateway", {
      agencyUrl: parsed.GATEWAY_DATABASE_URL,
      sharedUrl: parsed.DATABASE_URL,
      dataDir: parsed.DATA_DIR,
      timeouts: loadDatabaseTimeouts("gateway", env),
    }),
    accessLog: parsed.ACCESS_LOG === "enabled",
    playground: (parsed.PLAYGROUND ?? "enabled") === "enabled" && parsed.NODE_ENV !== "production",
    operationLimits: loadOperationLimits("gateway", GATEWAY_OPERATION_LIMITS, env),
    shareInFlightFetches: parsed.SUBGRAPH_FETCH_SHARING === "enabled",
  };
}

const httpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
  message: "expected an http:// or https:// URL",
});

/**
 * `<SUBGRAPH>_URL` (POLICE_URL, SOCIAL_CARE_URL, …) moves a subgraph away from the URL the
 * supergraph records. The names come from whichever supergraph is loaded.
 */
export function loadSubgraphUrlOverrides(
  subgraphNames: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const variableOf = (name: string) => `${agencyEnvPrefix(name)}_URL`;
  const schema = z.object(
    Object.fromEntries(subgraphNames.map((name) => [variableOf(name), httpUrl.optional()])),
  );
  const parsed = parseEnv("gateway", schema, env) as Record<string, string | undefined>;
  const overrides: Record<string, string> = {};
  for (const name of subgraphNames) {
    const value = parsed[variableOf(name)];
    if (value) overrides[name] = value;
  }
  return overrides;
}

/**
 * `<SUBGRAPH>_TIMEOUT_MS` (HEALTH_TIMEOUT_MS, SOCIAL_CARE_TIMEOUT_MS, …): how long one fetch to
 * that subgraph may take before it counts as unavailable, over `SUBGRAPH_TIMEOUT_MS` for it. An
 * agency whose searches are slow gets longer without slowing every answer for the others.
 */
export function loadSubgraphTimeouts(
  subgraphNames: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Record<string, number> {
  const variableOf = (name: string) => `${agencyEnvPrefix(name)}_TIMEOUT_MS`;
  const schema = z.object(
    Object.fromEntries(
      subgraphNames.map((name) => [
        variableOf(name),
        z.coerce.number().int().min(1).max(120_000).optional(),
      ]),
    ),
  );
  const parsed = parseEnv("gateway", schema, env) as Record<string, number | undefined>;
  const timeouts: Record<string, number> = {};
  for (const name of subgraphNames) {
    const value = parsed[variableOf(name)];
    if (value !== undefined) timeouts[name] = value;
  }
  return timeouts;
}
