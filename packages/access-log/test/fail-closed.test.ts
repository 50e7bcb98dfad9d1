import { createLogger } from "@mash/platform/observability/logger";
import { describe, expect, it } from "vitest";
import type { ChainStore } from "../src/store.js";
import { type AccessLogUnavailableError, AccessLogWriter } from "../src/writer.js";
import { aRecord, memoryAccessLog } from "./access-log-store.js";

/** A database gone dark: every statement waits forever. */
function darkStore(): ChainStore & { appends: number } {
  const never = () => new Promise<never>(() => {});
  const store = {
    appends: 0,
    head: never,
    append: () => {
      store.appends += 1;
      return never();
    },
    entriesAfter: never,
    entryAt: never,
    latestCheckpoint: never,
    checkpointsAfter: never,
    addCheckpoint: never,
    archives: never,
  };
  return store;
}

const reasonOf = (outcome: PromiseSettledResult<void>) =>
  outcome.status === "rejected" ? (outcome.reason as AccessLogUnavailableError).reason : "written";

describe("when the access log cannot be written", () => {
  it("rejects every waiting entry, so the gateway can hold the data back", async () => {
    const store = await memoryAccessLog();
    await store.writer.record(aRecord());
    await store.database.close();
    const attempts = await Promise.allSettled([
      store.writer.record(aRecord()),
      store.writer.record(aRecord()),
    ]);
    expect(attempts.map((attempt) => attempt.status)).toEqual(["rejected", "rejected"]);
  });

  it("gives up waiting after its timeout: a dark database means 503, never a hang", async () => {
    const writer = new AccessLogWriter(darkStore(), createLogger("test", "silent"), {
      timeoutMs: 30,
    });
    const attempts = await Promise.allSettled([writer.record(aRecord()), writer.record(aRecord())]);
    expect(attempts.map(reasonOf)).toEqual(["TIMEOUT", "TIMEOUT"]);
  });

  it("refuses new entries at once while its queue is full, and holds no more than that", async () => {
    const store = darkStore();
    const writer = new AccessLogWriter(store, createLogger("test", "silent"), {
      timeoutMs: 60_000,
      maxPending: 3,
      maxBatch: 1,
    });
    const waiting = [writer.record(aRecord()), writer.record(aRecord()), writer.record(aRecord())];
    for (const entry of waiting) entry.catch(() => {});
    const refused = await Promise.allSettled([writer.record(aRecord())]);
    expect(refused.map(reasonOf)).toEqual(["QUEUE_FULL"]);
    expect(writer.outstanding).toBe(3);
  });
});
