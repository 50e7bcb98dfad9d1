import { describe, expect, it } from "vitest";
import { aRecord, memoryAccessLog } from "./access-log-store.js";

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
});
