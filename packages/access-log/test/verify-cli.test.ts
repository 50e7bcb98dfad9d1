import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openDatabase } from "@mash/platform/db/connect";
import { createLogger } from "@mash/platform/observability/logger";
import { gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tables from "../src/db/schema.js";
import { HeadPublisher } from "../src/head-publisher.js";
import { FileHeadSink } from "../src/head-sinks.js";
import { ACCESS_LOG_MIGRATIONS } from "../src/open-access-log.js";
import { DatabaseChainStore } from "../src/store.js";
import { AccessLogWriter } from "../src/writer.js";
import { aRecord, rewriteFrom, signatures, signer } from "./access-log-store.js";

const run = promisify(execFile);
const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The gateway's environment, pointed at one data directory (and no PostgreSQL). */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", DATA_DIR: dataDir };
  for (const name of ["DATABASE_URL", "GATEWAY_DATABASE_URL", "ACCESS_LOG_HEAD_FILE"])
    delete env[name];
  return env;
}

/** `npm run access-log:verify`, as an auditor runs it, against one data directory. */
async function verifyCli(dataDir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(
      "npx",
      ["tsx", "--conditions=development", "src/verify-cli.ts", "--quick"],
      { cwd: PACKAGE_ROOT, env: cliEnv(dataDir) },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Opens the gateway's embedded database in `dataDir`, as the gateway would. */
async function open(dataDir: string) {
  const database = await openDatabase({
    target: { kind: "pglite", dataDir: join(dataDir, "gateway") },
    schema: tables,
  });
  await database.migrate(ACCESS_LOG_MIGRATIONS);
  return database;
}

describe("access-log:verify holds the chain to the latest published head", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "mash-access-log-"));
    const database = await open(dataDir);
    const store = new DatabaseChainStore(database.db);
    const logger = createLogger("test", "silent");
    const writer = new AccessLogWriter(store, logger);
    const publisher = new HeadPublisher({
      store,
      signer,
      signatures,
      sinks: [new FileHeadSink(join(dataDir, "access-log-heads.jsonl"))],
      logger,
      checkpointEvery: 10,
    });
    for (let i = 0; i < 3; i += 1) {
      await Promise.all(Array.from({ length: 8 }, () => writer.record(aRecord())));
      await publisher.publish();
    }
    await database.close();
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("passes an intact log", async () => {
    const { code, output } = await verifyCli(dataDir);
    expect(output).toMatch(/Access log intact .* head 24:/);
    expect(output).toContain("published head 24:");
    expect(code).toBe(0);
  });

  it("reports a rewritten and rehashed end", async () => {
    const database = await open(dataDir);
    await rewriteFrom(database.db, 22, "cover-up");
    await database.close();
    const { code, output } = await verifyCli(dataDir);
    expect(output).toMatch(/BROKEN .* at seq 24 .* the end of the log was rewritten/);
    expect(code).toBe(1);
  });

  it("reports a cut end", async () => {
    const database = await open(dataDir);
    await database.db.delete(tables.accessLogEntry).where(gt(tables.accessLogEntry.seq, 21));
    await database.close();
    const { code, output } = await verifyCli(dataDir);
    expect(output).toMatch(/BROKEN .* at seq 22 .* the end of the log was cut off/);
    expect(code).toBe(1);
  });
});
