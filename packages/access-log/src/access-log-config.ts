import { envSchemas, parseEnv } from "@mash/platform/config/parse-env";
import {
  type DatabaseTarget,
  DEFAULT_DATA_DIR,
  loadDatabaseTimeouts,
  resolveDatabaseTarget,
} from "@mash/platform/db/target";
import { z } from "zod";

export type HeadSinkKind = "file" | "syslog" | "postgres";

/** How the access log waits, where its head goes, how refusals are bounded, what it keeps. */
export interface AccessLogConfig {
  /** How long a request waits for its entry to be committed before a 503. */
  writeTimeoutMs: number;
  /** Entries waiting to be written at most; past it requests get a 503 at once. */
  maxPending: number;
  /** How often the head is checked, signed and published (and a checkpoint stored). */
  headIntervalMs: number;
  /** A checkpoint is stored in the database once this many entries follow the previous one. */
  checkpointEvery: number;
  /** Where the signed head is published: somewhere the database administrator cannot rewrite. */
  headSinks: HeadSinkKind[];
  /** The append-only file of published heads; null keeps them in memory (DATA_DIR=memory). */
  headFile: string | null;
  /** syslog target: udp://host:port or tcp://host:port. */
  syslogUrl: string;
  /** A second PostgreSQL database for published heads. */
  headDatabaseUrl: string | null;
  /** Refused requests recorded in full per caller per minute; beyond it they are counted. */
  refusalsPerMinute: number;
  /** Of the refusals beyond the rate, every this many is still recorded in full (a sample). */
  refusalSampleEvery: number;
  /** Whole months of entries kept in the database; older ones are archived. Null: keep all. */
  retentionMonths: number | null;
  /** Where archived months are written. */
  archiveDir: string;
}

function dataRoot(dataDir: string | undefined): string {
  return (dataDir ?? DEFAULT_DATA_DIR).replace(/\/$/, "");
}

export function loadAccessLogConfig(env: NodeJS.ProcessEnv = process.env): AccessLogConfig {
  const schema = z.object({
    DATA_DIR: z.string().min(1).optional(),
    ACCESS_LOG_WRITE_TIMEOUT_MS: envSchemas.duration(2_000, 60_000),
    ACCESS_LOG_MAX_PENDING: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
    ACCESS_LOG_HEAD_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3_600).default(10),
    ACCESS_LOG_CHECKPOINT_EVERY: z.coerce.number().int().min(1).max(10_000_000).default(2_000),
    ACCESS_LOG_HEAD_SINKS: z
      .string()
      .default("file")
      .transform((value) =>
        value
          .split(",")
          .map((sink) => sink.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(["file", "syslog", "postgres"])).min(1)),
    ACCESS_LOG_HEAD_FILE: z.string().min(1).optional(),
    ACCESS_LOG_SYSLOG_URL: z
      .string()
      .regex(/^(udp|tcp):\/\/[^/:]+:\d+$/, "expected udp://host:port or tcp://host:port")
      .default("udp://127.0.0.1:514"),
    ACCESS_LOG_HEAD_DATABASE_URL: envSchemas.postgresUrl(),
    ACCESS_LOG_REFUSALS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    ACCESS_LOG_REFUSAL_SAMPLE_EVERY: z.coerce.number().int().min(1).max(1_000_000).default(100),
    ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1_200).optional(),
    ACCESS_LOG_ARCHIVE_DIR: z.string().min(1).optional(),
  });
  const parsed = parseEnv("gateway", schema, env);
  const inMemory = parsed.DATA_DIR === "memory";
  const sinks = [...new Set(parsed.ACCESS_LOG_HEAD_SINKS)];
  if (sinks.includes("postgres") && !parsed.ACCESS_LOG_HEAD_DATABASE_URL) {
    parseEnv(
      "gateway",
      z.object({
        ACCESS_LOG_HEAD_DATABASE_URL: z.string({
          error: "required when ACCESS_LOG_HEAD_SINKS includes postgres",
        }),
      }),
      env,
    );
  }
  return {
    writeTimeoutMs: parsed.ACCESS_LOG_WRITE_TIMEOUT_MS,
    maxPending: parsed.ACCESS_LOG_MAX_PENDING,
    headIntervalMs: Math.round(parsed.ACCESS_LOG_HEAD_INTERVAL_SECONDS * 1000),
    checkpointEvery: parsed.ACCESS_LOG_CHECKPOINT_EVERY,
    headSinks: sinks,
    headFile:
      parsed.ACCESS_LOG_HEAD_FILE ??
      (inMemory ? null : `${dataRoot(parsed.DATA_DIR)}/access-log-heads.jsonl`),
    syslogUrl: parsed.ACCESS_LOG_SYSLOG_URL,
    headDatabaseUrl: parsed.ACCESS_LOG_HEAD_DATABASE_URL ?? null,
    refusalsPerMinute: parsed.ACCESS_LOG_REFUSALS_PER_MINUTE,
    refusalSampleEvery: parsed.ACCESS_LOG_REFUSAL_SAMPLE_EVERY,
    retentionMonths: parsed.ACCESS_LOG_RETENTION_MONTHS ?? null,
    archiveDir:
      parsed.ACCESS_LOG_ARCHIVE_DIR ??
      `${inMemory ? `${DEFAULT_DATA_DIR.replace(/\/$/, "")}` : dataRoot(parsed.DATA_DIR)}/access-log-archive`,
  };
}

/**
 * The gateway's own database, which holds the access log: `GATEWAY_DATABASE_URL`, else the
 * gateway's database on the server of `DATABASE_URL`, else PGlite under `DATA_DIR`.
 */
export function loadAccessLogDatabase(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const parsed = parseEnv(
    "gateway",
    z.object({
      DATABASE_URL: envSchemas.postgresUrl(),
      GATEWAY_DATABASE_URL: envSchemas.postgresUrl(),
      DATA_DIR: z.string().min(1).optional(),
    }),
    env,
  );
  return resolveDatabaseTarget("gateway", {
    agencyUrl: parsed.GATEWAY_DATABASE_URL,
    sharedUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR,
    timeouts: loadDatabaseTimeouts("gateway", env),
  });
}
