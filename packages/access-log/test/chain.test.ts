import { asc, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLogCheckpoint, accessLogEntry } from "../src/db/schema.js";
import { type VerifyOptions, verifyChain } from "../src/verify.js";
import { aRecord, memoryAccessLog, rewriteFrom, signatures } from "./access-log-store.js";

describe("the access log's hash chain", () => {
  let store: Awaited<ReturnType<typeof memoryAccessLog>>;
  const verify = (options: Partial<VerifyOptions> = {}) =>
    verifyChain(store.store, { signatures, full: true, ...options });

  beforeAll(async () => {
    store = await memoryAccessLog();
    await Promise.all(Array.from({ length: 30 }, () => store.writer.record(aRecord())));
  });
  afterAll(() => store?.database.close());

  const rows = () => store.db.select().from(accessLogEntry).orderBy(asc(accessLogEntry.seq));

  it("numbers entries without gaps and links each to the previous hash", async () => {
    const entries = await rows();
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    for (let i = 1; i < entries.length; i += 1) {
      expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    }
    expect(await verify()).toMatchObject({ valid: true, entries: 30, firstBroken: null });
  });

  it("writes a batch of concurrent entries with one statement", async () => {
    const before = store.database.statements.count;
    await Promise.all(Array.from({ length: 100 }, () => store.writer.record(aRecord())));
    // One INSERT for the batch (the writer knows its head): no transaction, no lock, no read.
    expect(store.database.statements.count - before).toBe(1);
    expect((await verify()).entries).toBe(130);
  });

  it("keeps the chain whole when another writer extends it first (several gateways)", async () => {
    const other = await import("../src/writer.js");
    const { createLogger } = await import("@mash/platform/observability/logger");
    const second = new other.AccessLogWriter(store.store, createLogger("test", "silent"));
    await second.record(aRecord());
    // The first writer's cached head is stale now: its insert conflicts, it re-reads and retries.
    await store.writer.record(aRecord());
    expect(await verify()).toMatchObject({ valid: true, entries: 132 });
  });

  describe("tampering", () => {
    it("names an edited entry", async () => {
      const [original] = await store.db
        .select()
        .from(accessLogEntry)
        .where(eq(accessLogEntry.seq, 17));
      await store.db
        .update(accessLogEntry)
        .set({ principalId: "someone-else" })
        .where(eq(accessLogEntry.seq, 17));
      const verification = await verify();
      expect(verification.firstBroken).toEqual({ seq: 17, id: original?.id, problem: "edited" });
      expect(verification.entries).toBe(16);
      await store.db
        .update(accessLogEntry)
        .set({ principalId: original?.principalId })
        .where(eq(accessLogEntry.seq, 17));
      expect((await verify()).valid).toBe(true);
    });

    it("names the entry after a deleted one", async () => {
      const [deleted] = await store.db
        .select()
        .from(accessLogEntry)
        .where(eq(accessLogEntry.seq, 42));
      const [next] = await store.db.select().from(accessLogEntry).where(eq(accessLogEntry.seq, 43));
      await store.db.delete(accessLogEntry).where(eq(accessLogEntry.seq, 42));
      expect((await verify()).firstBroken).toEqual({
        seq: 43,
        id: next?.id,
        problem: "missing_before",
      });
      if (deleted) await store.db.insert(accessLogEntry).values(deleted);
      expect((await verify()).valid).toBe(true);
    });
  });
});

describe("the published head: an end nobody can rewrite or cut quietly", () => {
  let store: Awaited<ReturnType<typeof memoryAccessLog>>;
  const quick = async () =>
    verifyChain(store.store, {
      signatures,
      publishedHead: await store.publisher.latestPublished(),
    });

  beforeAll(async () => {
    store = await memoryAccessLog({ checkpointEvery: 20 });
    for (let i = 0; i < 3; i += 1) {
      await Promise.all(Array.from({ length: 10 }, () => store.writer.record(aRecord())));
      await store.publisher.publish();
    }
  });
  afterAll(() => store?.database.close());

  it("publishes a signed head that verifies, and stores a checkpoint every so often", async () => {
    const head = await store.publisher.latestPublished();
    expect(head).toMatchObject({ seq: 30 });
    expect(await signatures.verifiesHead(head ?? { seq: 0, hash: "" }, head?.jws ?? "")).toBe(true);
    const checkpoints = await store.db.select().from(accessLogCheckpoint);
    expect(checkpoints.map((checkpoint) => checkpoint.seq)).toEqual([20]);
    // Nothing new: nothing published again.
    expect(await store.publisher.publish()).toBeNull();
  });

  it("verifies from the newest checkpoint, recomputing only what follows it", async () => {
    const verification = await quick();
    expect(verification).toMatchObject({
      valid: true,
      entries: 10,
      verifiedFrom: { seq: 20, kind: "checkpoint" },
      head: { seq: 30 },
    });
  });

  it("catches the newest entries rewritten and rehashed", async () => {
    // Rewrite entry 28 and rehash everything after it: the chain alone still looks whole.
    const before = await rewriteFrom(store.db, 28, "cover-up");
    expect((await verifyChain(store.store, { signatures })).valid).toBe(true);
    expect((await quick()).firstBroken).toMatchObject({ seq: 30, problem: "head_mismatch" });
    // And the publisher refuses to sign over it.
    await store.writer.record(aRecord());
    expect(await store.publisher.publish()).toBeNull();
    for (const entry of before) {
      await store.db
        .update(accessLogEntry)
        .set({ principalId: entry.principalId, prevHash: entry.prevHash, hash: entry.hash })
        .where(eq(accessLogEntry.seq, entry.seq));
    }
    await store.db.delete(accessLogEntry).where(gt(accessLogEntry.seq, 30));
    expect((await quick()).valid).toBe(true);
  });

  it("catches the newest entries cut off", async () => {
    await store.db.execute(sql`delete from ${accessLogEntry} where ${accessLogEntry.seq} > 25`);
    expect((await verifyChain(store.store, { signatures })).valid).toBe(true);
    expect((await quick()).firstBroken).toEqual({ seq: 26, id: null, problem: "truncated" });
  });

  it("catches a forged checkpoint", async () => {
    await store.db
      .update(accessLogCheckpoint)
      .set({ hash: "f".repeat(64) })
      .where(eq(accessLogCheckpoint.seq, 20));
    expect((await verifyChain(store.store, { signatures })).firstBroken).toMatchObject({
      seq: 20,
      problem: "bad_signature",
    });
  });
});
