import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@mash/platform/observability/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveExpiredMonths, verifyArchiveFile } from "../src/archive.js";
import { accessLogEntry } from "../src/db/schema.js";
import { verifyChain } from "../src/verify.js";
import { aRecord, memoryAccessLog, signatures, signer } from "./access-log-store.js";

describe("retention: whole months archived with their anchors, still verifiable", () => {
  let store: Awaited<ReturnType<typeof memoryAccessLog>>;
  let archiveDir: string;

  beforeAll(async () => {
    archiveDir = await mkdtemp(join(tmpdir(), "mash-archive-"));
    store = await memoryAccessLog({ checkpointEvery: 5 });
    // January and February 2026 (12 entries each, a checkpoint inside), then today's entries.
    for (const month of ["2026-01", "2026-02"]) {
      for (let day = 1; day <= 12; day += 1) {
        const occurredAt = new Date(`${month}-${String(day).padStart(2, "0")}T10:00:00Z`);
        await store.writer.record(aRecord({ occurredAt }));
        if (day === 6) await store.publisher.publish();
      }
    }
    await Promise.all(
      Array.from({ length: 4 }, () =>
        store.writer.record(aRecord({ occurredAt: new Date("2026-06-02T10:00:00Z") })),
      ),
    );
    await store.publisher.publish();
  });
  afterAll(async () => {
    await store?.database.close();
    await rm(archiveDir, { recursive: true, force: true });
  });

  it("archives months older than the retention period, oldest first, and keeps the rest", async () => {
    const archived = await archiveExpiredMonths({
      db: store.db,
      store: store.store,
      signer,
      signatures,
      retentionMonths: 3,
      archiveDir,
      logger: createLogger("test", "silent"),
      now: new Date("2026-06-15T00:00:00Z"),
    });
    expect(archived).toEqual(["2026-01", "2026-02"]);
    expect((await readdir(archiveDir)).sort()).toEqual([
      "access-log-2026-01.jsonl.gz",
      "access-log-2026-02.jsonl.gz",
    ]);
    const left = await store.db.select({ seq: accessLogEntry.seq }).from(accessLogEntry);
    expect(left.map((row) => row.seq).sort((a, b) => a - b)).toEqual([25, 26, 27, 28]);
  });

  it("the live chain still verifies, continuing from the newest archive's anchors", async () => {
    const verification = await verifyChain(store.store, {
      signatures,
      full: true,
      publishedHead: await store.publisher.latestPublished(),
    });
    expect(verification).toMatchObject({
      valid: true,
      entries: 4,
      verifiedFrom: { seq: 24, kind: "archive" },
    });
    // And new entries carry on from the head.
    await store.writer.record(aRecord());
    expect((await verifyChain(store.store, { signatures, full: true })).valid).toBe(true);
  });

  it("an archived month verifies on its own, and its anchors link it to the month before", async () => {
    const january = await verifyArchiveFile(
      join(archiveDir, "access-log-2026-01.jsonl.gz"),
      signatures,
    );
    const february = await verifyArchiveFile(
      join(archiveDir, "access-log-2026-02.jsonl.gz"),
      signatures,
    );
    expect(january).toMatchObject({ valid: true, entries: 12, anchors: { fromSeq: 1, toSeq: 12 } });
    expect(january.checkpoints).toBeGreaterThan(0);
    expect(february).toMatchObject({
      valid: true,
      entries: 12,
      anchors: { fromSeq: 13, toSeq: 24 },
    });
    expect(february.anchors?.prevHash).toBe(january.anchors?.lastHash);
  });
});
