import { createLogger } from "@mash/platform/observability/logger";
import { describe, expect, it } from "vitest";
import type { AccessRecord } from "../src/entry.js";
import { type Refusal, RefusalLog } from "../src/refusals.js";

function refusal(callerKey: string, reason = "TOKEN_EXPIRED"): Refusal {
  return {
    requestId: crypto.randomUUID(),
    clientRequestId: null,
    principal: null,
    principalId: callerKey.startsWith("address:") ? null : callerKey,
    declaredPurpose: null,
    requested: { operationName: "Picture", operationType: "query", coordinates: ["Query.subject"] },
    reason,
    callerKey,
  };
}

function setUp(options: { perWindow: number; sampleEvery: number; maxCallers?: number }) {
  const written: AccessRecord[] = [];
  let now = new Date("2026-11-18T10:00:00Z");
  const log = new RefusalLog(
    async (record) => void written.push(record),
    createLogger("test", "silent"),
    options,
    () => now,
  );
  return {
    log,
    written,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const total = (records: AccessRecord[]) =>
  records.reduce((sum, record) => sum + record.requestCount, 0);

describe("refused requests on record, bounded against floods", () => {
  it("records each refusal in full up to the rate, with who, what and why", async () => {
    const { log, written } = setUp({ perWindow: 5, sampleEvery: 100 });
    await log.refuse(refusal("dev-probation-officer", "NOT_A_PARTICIPANT"));
    expect(written).toEqual([
      expect.objectContaining({
        kind: "refused",
        outcome: "denied",
        principalId: "dev-probation-officer",
        operationName: "Picture",
        fieldsRequested: ["Query.subject"],
        denials: [{ path: "", reason: "NOT_A_PARTICIPANT", service: null }],
        requestCount: 1,
      }),
    ]);
  });

  it("beyond the rate counts and samples, and the counts go on record: nothing lost, little written", async () => {
    const { log, written, advance } = setUp({ perWindow: 5, sampleEvery: 100 });
    for (let i = 0; i < 1_000; i += 1) await log.refuse(refusal("address:203.0.113.9"));
    // 5 in full, then 995 beyond the rate: every 100th sampled in full (9), the rest counted.
    expect(written).toHaveLength(5 + 9);
    advance(61_000);
    await log.closeWindows();
    const counted = written.filter((record) => record.kind === "refusals_counted");
    expect(counted).toEqual([
      expect.objectContaining({
        principalId: "anonymous",
        requestCount: 1_000 - 5 - 9,
        countedSince: new Date("2026-11-18T10:00:00Z"),
        denials: [{ path: "", reason: "TOKEN_EXPIRED", service: null }],
      }),
    ]);
    expect(total(written)).toBe(1_000);
  });

  it("keeps callers apart, and bounds how many it tracks without losing a count", async () => {
    const { log, written } = setUp({ perWindow: 1, sampleEvery: 1_000, maxCallers: 2 });
    for (const caller of ["a", "b", "c"]) {
      for (let i = 0; i < 10; i += 1) await log.refuse(refusal(caller));
    }
    await log.closeWindows(true);
    expect(total(written)).toBe(30);
    expect(written.filter((record) => record.kind === "refused")).toHaveLength(3);
  });
});
