import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import { agencyDatabaseUrl } from "@mash/platform/db/target";
import { type RunningStack, SUBGRAPH_NAMES, startStack } from "../../scripts/stack.js";

export interface StackBackend {
  name: string;
  env(): Record<string, string>;
  cleanup(): Promise<void>;
}

/** The seed every cross-service test boots with; tests regenerate the same world for ground truth. */
export const TEST_WORLD = { seed: 11, subjects: 400 };

const pglite: StackBackend = {
  name: "pglite",
  env: () => ({ DATA_DIR: "memory" }),
  cleanup: async () => {},
};

function postgres(serverUrl: string): StackBackend {
  const url = new URL(serverUrl);
  const name = `mash_stack_${randomBytes(4).toString("hex")}`;
  url.pathname = `/${name}`;
  const shared = url.toString();
  // The gateway publishes its access log's head to a file: this stack's own, not the checkout's.
  const heads = join(tmpdir(), `${name}-access-log-heads.jsonl`);
  return {
    name: "postgres",
    env: () => ({ DATABASE_URL: shared, ACCESS_LOG_HEAD_FILE: heads }),
    cleanup: async () => {
      await rm(heads, { force: true });
      // Every service's database: the agencies' and the gateway's (the access log).
      for (const service of [...SUBGRAPH_NAMES, "gateway"]) {
        await dropPostgresDatabase(agencyDatabaseUrl(shared, service));
      }
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function stackBackends(env: NodeJS.ProcessEnv = process.env): StackBackend[] {
  return env.TEST_DATABASE_URL ? [pglite, postgres(env.TEST_DATABASE_URL)] : [pglite];
}

/**
 * Authorization (and with it the access log) switched off everywhere (NODE_ENV=test only): for
 * data-path tests that read many unrelated subjects at once, which no practitioner's purpose would
 * cover. Signatures are still required between gateway and subgraphs.
 */
export const AUTHORIZATION_OFF: Record<string, string> = {
  NODE_ENV: "test",
  AUTHZ_MODE: "off",
  SUBGRAPH_AUTHORIZATION: "off",
  ACCESS_LOG: "disabled",
};

/**
 * Rate limits far above anything a test sends: suites fire hundreds of requests as one persona from
 * one address within a minute. The rate-limit tests set their own small budgets.
 */
export const TEST_RATE_LIMITS: Record<string, string> = {
  RATE_LIMIT_READS: "1000000",
  RATE_LIMIT_WRITES: "1000000",
  RATE_LIMIT_FAILED_SIGN_INS: "1000000",
};

/** The real processes on free ports, seeded with TEST_WORLD (and the front end with `web`). */
export async function startTestStack(
  backend: StackBackend,
  extraEnv: Record<string, string> = {},
  output: "silent" | "capture" = "silent",
  options: { web?: boolean } = {},
): Promise<RunningStack> {
  return startStack({
    mode: "test",
    web: options.web ?? false,
    ports: { gateway: 0, "social-care": 0, police: 0, health: 0, probation: 0, web: 0 },
    env: {
      ...backend.env(),
      SEED: String(TEST_WORLD.seed),
      SEED_SUBJECTS: String(TEST_WORLD.subjects),
      LOG_LEVEL: "warn",
      ...TEST_RATE_LIMITS,
      // Generous waits, so a busy machine (a benchmark beside the tests) is not mistaken for a
      // slow agency or a dark access log; tests of those limits set their own.
      SUBGRAPH_TIMEOUT_MS: "60000",
      ACCESS_LOG_WRITE_TIMEOUT_MS: "30000",
      // The front end waits for the gateway longer than the gateway for a subgraph: at its 10 s
      // default a page on a machine at load 60 showed "the service is unavailable" (web/ only).
      GATEWAY_TIMEOUT_MS: "120000",
      ...extraEnv,
    },
    output: process.env.STACK_OUTPUT === "pretty" ? "pretty" : output,
    // Well inside the hook timeout (test/vitest.config.ts), for a machine under load.
    readyTimeoutMs: 480_000,
  });
}
