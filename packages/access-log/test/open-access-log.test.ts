import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGatewayPublicKeys, loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createLogger } from "@mash/platform/observability/logger";
import { createMetrics } from "@mash/platform/observability/metrics";
import { describe, expect, it } from "vitest";
import { loadAccessLogConfig } from "../src/access-log-config.js";
import { FileHeadSink } from "../src/head-sinks.js";
import { openAccessLog } from "../src/open-access-log.js";
import { aRecord } from "./access-log-store.js";

describe("the gateway's access log at shutdown", () => {
  it("publishes the final head, so nothing written before it can go unnoticed", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "mash-shutdown-"));
    const dev = { NODE_ENV: "test" };
    try {
      const accessLog = await openAccessLog({
        target: { kind: "pglite" },
        // No timer fires during the test: only shutdown publishes.
        config: loadAccessLogConfig({
          DATA_DIR: dataDir,
          ACCESS_LOG_HEAD_INTERVAL_SECONDS: "3600",
        }),
        logger: createLogger("test", "silent"),
        metrics: createMetrics("gateway-test"),
        signingKey: loadGatewaySigningKey(dev),
        publicKeys: loadGatewayPublicKeys(dev),
      });
      await Promise.all(Array.from({ length: 7 }, () => accessLog.writer.record(aRecord())));
      const heads = new FileHeadSink(join(dataDir, "access-log-heads.jsonl"));
      expect(await heads.latest()).toBeNull();
      await accessLog.close();
      expect(await heads.latest()).toMatchObject({ seq: 7 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
