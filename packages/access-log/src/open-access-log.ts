import { fileURLToPath } from "node:url";
import type { GatewayPrivateJwk, GatewayPublicJwks } from "@mash/platform/auth/gateway-keys";
import { type AgencyDatabase, openDatabase } from "@mash/platform/db/connect";
import type { DatabaseTarget } from "@mash/platform/db/target";
import { describeErrorForLog, type Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import type { AccessLogConfig } from "./access-log-config.js";
import { archiveExpiredMonths } from "./archive.js";
import * as tables from "./db/schema.js";
import { HeadPublisher } from "./head-publisher.js";
import { headSinks } from "./head-sinks.js";
import { RefusalLog } from "./refusals.js";
import {
  type ChainSignatureVerifier,
  createChainSignatureVerifier,
  createChainSigner,
} from "./signed-head.js";
import { DatabaseChainStore } from "./store.js";
import { type ChainVerification, verifyChain } from "./verify.js";
import { AccessLogWriter } from "./writer.js";

export interface OpenAccessLog {
  database: AgencyDatabase<typeof tables>;
  store: DatabaseChainStore;
  writer: AccessLogWriter;
  refusals: RefusalLog;
  publisher: HeadPublisher;
  signatures: ChainSignatureVerifier;
  /** Verifies the chain against the newest published head (and an expected one). */
  verify(options: {
    expectedHead?: { seq: number; hash: string };
    full?: boolean;
  }): Promise<ChainVerification>;
  close(): Promise<void>;
}

// Resolved from the package root, so it holds for src/ (tsx) and dist/ (compiled) alike.
export const ACCESS_LOG_MIGRATIONS = fileURLToPath(
  new URL("../src/db/migrations", import.meta.url),
);

const DAY_MS = 86_400_000;

/**
 * Opens the gateway's database, applies its migrations, and starts the access log: the writer,
 * the record of refused requests, the head published on a timer (and at shutdown), and, when a
 * retention period is set, the monthly archiving.
 */
export async function openAccessLog(options: {
  target: DatabaseTarget;
  config: AccessLogConfig;
  logger: Logger;
  metrics: ServiceMetrics;
  signingKey: GatewayPrivateJwk;
  publicKeys: GatewayPublicJwks;
}): Promise<OpenAccessLog> {
  const { config, logger } = options;
  const database = await openDatabase({
    target: options.target,
    schema: tables,
    metrics: options.metrics,
  });
  // Under the deployment lock: gateway replicas starting together migrate one at a time.
  await database.exclusively(
    () => database.migrate(ACCESS_LOG_MIGRATIONS),
    () => logger.info("another process is migrating the access log: waiting for it"),
  );
  const store = new DatabaseChainStore(database.db);
  const writer = new AccessLogWriter(store, logger, {
    timeoutMs: config.writeTimeoutMs,
    maxPending: config.maxPending,
    metrics: options.metrics,
  });
  const refusals = new RefusalLog((record) => writer.record(record), logger, {
    perWindow: config.refusalsPerMinute,
    sampleEvery: config.refusalSampleEvery,
  });
  const signer = createChainSigner(options.signingKey);
  const signatures = createChainSignatureVerifier(options.publicKeys);
  const publisher = new HeadPublisher({
    store,
    signer,
    signatures,
    sinks: headSinks(config),
    logger,
    checkpointEvery: config.checkpointEvery,
  });
  const warn = (what: string) => (error: unknown) =>
    logger.error(describeErrorForLog(error), `access log ${what} failed`);
  const timers = [
    setInterval(
      () => void publisher.publish().catch(warn("head publication")),
      config.headIntervalMs,
    ),
    setInterval(() => void refusals.closeWindows().catch(warn("refusal count")), 15_000),
  ];
  if (config.retentionMonths !== null) {
    const months = config.retentionMonths;
    const archive = () =>
      void archiveExpiredMonths({
        db: database.db,
        store,
        signer,
        signatures,
        retentionMonths: months,
        archiveDir: config.archiveDir,
        logger,
      }).catch(warn("archiving"));
    timers.push(setInterval(archive, DAY_MS));
    archive();
  }
  for (const timer of timers) timer.unref();
  return {
    database,
    store,
    writer,
    refusals,
    publisher,
    signatures,
    verify: async ({ expectedHead, full }) =>
      verifyChain(store, {
        signatures,
        full: full ?? false,
        expectedHead,
        publishedHead: await publisher.latestPublished(),
      }),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await refusals.closeWindows(true);
      await writer.flush();
      // The last head, at shutdown: nothing written before it can go unnoticed.
      await publisher.publish(true).catch(warn("final head publication"));
      await publisher.close();
      await database.close();
    },
  };
}
