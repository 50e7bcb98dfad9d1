import { ConfigurationError } from "@mash/platform/config/parse-env";
import { describe, expect, it } from "vitest";
import { loadAccessLogConfig } from "../src/access-log-config.js";

describe("access log configuration", () => {
  it("defaults to bounded waits and heads published to a file beside the data", () => {
    const config = loadAccessLogConfig({ DATA_DIR: "/var/lib/mash" });
    expect(config).toMatchObject({
      writeTimeoutMs: 2_000,
      maxPending: 5_000,
      headIntervalMs: 10_000,
      checkpointEvery: 2_000,
      headSinks: ["file"],
      headFile: "/var/lib/mash/access-log-heads.jsonl",
      retentionMonths: null,
      archiveDir: "/var/lib/mash/access-log-archive",
    });
    // A database in memory keeps its heads in memory too.
    expect(loadAccessLogConfig({ DATA_DIR: "memory" }).headFile).toBeNull();
  });

  it("refuses a second-database sink without its database, and unknown sinks", () => {
    expect(() => loadAccessLogConfig({ ACCESS_LOG_HEAD_SINKS: "file,postgres" })).toThrow(
      /ACCESS_LOG_HEAD_DATABASE_URL/,
    );
    expect(() => loadAccessLogConfig({ ACCESS_LOG_HEAD_SINKS: "tape" })).toThrow(
      ConfigurationError,
    );
    expect(() => loadAccessLogConfig({ ACCESS_LOG_SYSLOG_URL: "http://logs" })).toThrow(
      /udp:\/\/host:port/,
    );
    expect(
      loadAccessLogConfig({
        ACCESS_LOG_HEAD_SINKS: "syslog, postgres",
        ACCESS_LOG_HEAD_DATABASE_URL: "postgres://audit@heads.example/mash",
      }).headSinks,
    ).toEqual(["syslog", "postgres"]);
  });
});
