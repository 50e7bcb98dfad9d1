import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryHash } from "../../src/access-log/entry.js";
import { verifyChain } from "../../src/access-log/verify.js";
import { accessLogEntry } from "../../src/db/schema.js";
import { aRecord, memoryAccessLog } from "./access-log-store.js";

describe("the access log's hash chain", () => {
  let store: Awaited<ReturnType<typeof memoryAccessLog>>;

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
    const verification = await verifyChain(store.db);
    expect(verification).toMatchObject({ valid: true, entries: 30, firstBroken: null });
  });

  it("writes concurrent entries in few transactions (batched)", async () => {
    const before = store.database.statements.count;
    await Promise.all(Array.from({ length: 100 }, () => store.writer.record(aRecord())));
    const statements = store.database.statements.count - before;
    // Per batch: begin, lock, read head, insert, commit. 100 entries in one or two batches.
    expect(statements).toBeLessThanOrEqual(12);
    expect((await verifyChain(store.db)).entries).toBe(130);
  });

  describe("tampering", () => {
    let headBefore: { seq: number; hash: string };

    beforeAll(async () => {
      const verification = await verifyChain(store.db);
      if (!verification.head) throw new Error("no head");
      headBefore = verification.head;
    });

    it("names an edited entry", async () => {
      const [original] = await store.db
        .select()
        .from(accessLogEntry)
        .where(eq(accessLogEntry.seq, 17));
      await store.db
        .update(accessLogEntry)
        .set({ principalId: "someone-else" })
        .where(eq(accessLogEntry.seq, 17));
      const verification = await verifyChain(store.db);
      expect(verification.firstBroken).toEqual({ seq: 17, id: original?.id, problem: "edited" });
      expect(verification.entries).toBe(16);
      await store.db
        .update(accessLogEntry)
        .set({ principalId: original?.principalId })
        .where(eq(accessLogEntry.seq, 17));
      expect((await verifyChain(store.db)).valid).toBe(true);
    });

    it("names the entry after a deleted one", async () => {
      const [deleted] = await store.db
        .select()
        .from(accessLogEntry)
        .where(eq(accessLogEntry.seq, 42));
      const [next] = await store.db.select().from(accessLogEntry).where(eq(accessLogEntry.seq, 43));
      await store.db.delete(accessLogEntry).where(eq(accessLogEntry.seq, 42));
      const verification = await verifyChain(store.db);
      expect(verification.firstBroken).toEqual({
        seq: 43,
        id: next?.id,
        problem: "missing_before",
      });
      if (deleted) await store.db.insert(accessLogEntry).values(deleted);
      expect((await verifyChain(store.db)).valid).toBe(true);
    });

    it("catches a consistently rewritten chain, or a cut end, against an anchor kept elsewhere", async () => {
      // Someone with write access rewrites entry 100 and recomputes every hash after it.
      const entries = await rows();
      let prevHash = entries[98]?.hash ?? "";
      for (const entry of entries.slice(99)) {
        const record = entry.seq === 100 ? { ...entry, principalId: "cover-up" } : entry;
        const hash = entryHash(record, entry.seq, prevHash);
        await store.db
          .update(accessLogEntry)
          .set({ principalId: record.principalId, prevHash, hash })
          .where(eq(accessLogEntry.seq, entry.seq));
        prevHash = hash;
      }
      expect((await verifyChain(store.db)).valid).toBe(true);
      const anchored = await verifyChain(store.db, headBefore);
      expect(anchored.valid).toBe(false);
      expect(anchored.firstBroken).toMatchObject({ seq: headBefore.seq, problem: "head_mismatch" });

      await store.db.execute(sql`delete from ${accessLogEntry} where ${accessLogEntry.seq} > 120`);
      const cut = await verifyChain(store.db, headBefore);
      expect(cut.firstBroken).toMatchObject({ seq: 121, id: null, problem: "head_mismatch" });
    });
  });
});
