import { z } from "zod";
import { type DatabaseTarget, resolveDatabaseTarget } from "../db/target.js";
import { ConfigurationError, envSchemas, parseEnv } from "./parse-env.js";

export interface SubgraphIdentity {
  /** Folder and database suffix: "social-care", "police", "health", "probation". */
  agency: string;
  defaultPort: number;
}

export interface SubgraphConfig {
  agency: string;
  host: string;
  port: number;
  nodeEnv: "development" | "test" | "production";
  logLevel: string;
  database: DatabaseTarget;
  /** Whether the subgraph enforces its SDL's requirements; only tests may switch it off. */
  enforceAuthorization: boolean;
}

/** `social-care` → `SOCIAL_CARE_DATABASE_URL`. */
export function agencyEnvPrefix(agency: string): string {
  return agency.toUpperCase().replace(/-/g, "_");
}

export function loadSubgraphConfig(
  identity: SubgraphIdentity,
  env: NodeJS.ProcessEnv = process.env,
): SubgraphConfig {
  const agencyUrlName = `${agencyEnvPrefix(identity.agency)}_DATABASE_URL`;
  const base = z.object({
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: envSchemas.port(identity.defaultPort),
    NODE_ENV: envSchemas.nodeEnv(),
    LOG_LEVEL: envSchemas.logLevel(),
    DATABASE_URL: envSchemas.postgresUrl(),
    DATA_DIR: z.string().min(1).optional(),
    SUBGRAPH_AUTHORIZATION: z.enum(["enforce", "off"]).default("enforce"),
  });
  // The per-agency variable's name is computed, which zod cannot infer; its value is read below.
  const schema = base.extend({ [agencyUrlName]: envSchemas.postgresUrl() });
  const parsed = parseEnv(identity.agency, schema, env) as z.infer<typeof base> &
    Record<string, unknown>;
  // Switching enforcement off exists for benchmarks and data tests that read many subjects at once;
  // it is refused anywhere but NODE_ENV=test, so no deployment can run an open subgraph.
  if (parsed.SUBGRAPH_AUTHORIZATION === "off" && parsed.NODE_ENV !== "test") {
    throw new ConfigurationError(
      `Invalid configuration for ${identity.agency}:\n  SUBGRAPH_AUTHORIZATION: "off" is only allowed with NODE_ENV=test`,
    );
  }
  return {
    agency: identity.agency,
    enforceAuthorization: parsed.SUBGRAPH_AUTHORIZATION === "enforce",
    host: parsed.HOST,
    port: parsed.PORT,
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    database: resolveDatabaseTarget(identity.agency, {
      agencyUrl: parsed[agencyUrlName] as string | undefined,
      sharedUrl: parsed.DATABASE_URL,
      dataDir: parsed.DATA_DIR,
    }),
  };
}
