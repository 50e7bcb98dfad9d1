import { fileURLToPath } from "node:url";
import { type AgencyDatabase, openDatabase } from "@mash/platform/db/connect";
import type { DatabaseTarget } from "@mash/platform/db/target";
import type { Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import * as tables from "../db/schema.js";
import { AccessLogWriter } from "./writer.js";

export interface AccessLogStore {
  database: AgencyDatabase<typeof tables>;
  writer: AccessLogWriter;
  close(): Promise<void>;
}

// Resolved from the package root, so it holds for src/ (tsx) and dist/ (compiled) alike.
const MIGRATIONS = fileURLToPath(new URL("../../src/db/migrations", import.meta.url));

/** Opens the gateway's database, applies its migrations and starts the access log's writer. */
export async function openAccessLog(
  target: DatabaseTarget,
  logger: Logger,
  metrics: ServiceMetrics,
): Promise<AccessLogStore> {
  const database = await openDatabase({
    target,
    schema: tables,
    metrics,
  });
  // Under the deployment lock: gateway replicas starting together migrate one at a time.
  await database.exclusively(
    () => database.migrate(MIGRATIONS),
    () => logger.info("another process is migrating the access log: waiting for it"),
  );
  const writer = new AccessLogWriter(database.db, logger, { metrics });
  return {
    database,
    writer,
    close: async () => {
      await writer.flush();
      await database.close();
    },
  };
}
