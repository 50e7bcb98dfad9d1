import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import { agencyDatabaseUrl } from "@mash/platform/db/target";
import { type RunningStack, SUBGRAPH_NAMES, startStack } from "../../scripts/stack.js";
import { TEST_RATE_LIMITS } from "../support/system-under-test.js";

function freshDatabase(serverUrl: string, prefix: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${randomBytes(3).toString("hex")}`;
  return url.toString();
}

/**
 * The whole system on free ports for a benchmark, seeded with `subjects`: on PGlite in memory, or
 * in fresh databases on `databaseUrl`'s PostgreSQL server (dropped again by `stop`); with
 * `accessLogServer`, only the gateway's own database (the access log) on PostgreSQL.
 */
export async function startBenchStack(options: {
  subjects: number;
  databaseUrl?: string | undefined;
  accessLogServer?: string | undefined;
  env?: Record<string, string>;
  cpuProfileDir?: string | undefined;
}): Promise<{ stack: RunningStack; stop(): Promise<void> }> {
  const sharedUrl = options.databaseUrl
    ? freshDatabase(options.databaseUrl, "mash_bench")
    : undefined;
  const accessLogUrl = options.accessLogServer
    ? freshDatabase(options.accessLogServer, "mash_bench_access_log")
    : undefined;
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  const stack = await startStack({
    mode: "test",
    ports: { gateway: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
    env: {
      ...(sharedUrl ? { DATABASE_URL: sharedUrl } : { DATA_DIR: "memory" }),
      SEED_SUBJECTS: String(options.subjects),
      LOG_LEVEL: "warn",
      // A load test is one caller sending as fast as it can: exactly what the limits refuse.
      ...TEST_RATE_LIMITS,
      ...options.env,
    },
    ...(accessLogUrl ? { serviceEnv: { gateway: { GATEWAY_DATABASE_URL: accessLogUrl } } } : {}),
    output: "silent",
    ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}),
  });
  return {
    stack,
    stop: async () => {
      await stack.stop();
      if (accessLogUrl) await dropPostgresDatabase(accessLogUrl);
      if (!sharedUrl) return;
      for (const service of [...SUBGRAPH_NAMES, "gateway"]) {
        await dropPostgresDatabase(agencyDatabaseUrl(sharedUrl, service));
      }
    },
  };
}
