import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Logger } from "@mash/platform/observability/logger";
import { and, gt, gte, lte, min } from "drizzle-orm";
import { accessLogArchive, accessLogEntry } from "./db/schema.js";
import { entryHash, GENESIS_HASH, type StoredEntry } from "./entry.js";
import type { ArchiveAnchors, ChainSignatureVerifier, ChainSigner } from "./signed-head.js";
import type { ChainHead, ChainStore, GatewayDatabase, StoredCheckpoint } from "./store.js";
import type { ChainProblem } from "./verify.js";

/** The first line of an archive file: its signed anchors. */
interface ArchiveManifest {
  format: typeof FORMAT;
  anchors: ArchiveAnchors;
  jws: string;
}

const FORMAT = "mash-access-log-archive/1";
const PAGE = 5_000;

function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

function nextMonthStart(month: string): Date {
  const start = monthStart(month);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

export function archiveFileName(month: string): string {
  return `access-log-${month}.jsonl.gz`;
}

/** Entries as JSON carry dates as strings: back to what the hash was computed over. */
function entryFromJson(value: Record<string, unknown>): StoredEntry {
  const entry = value as unknown as StoredEntry;
  return {
    ...entry,
    occurredAt: new Date(value.occurredAt as string),
    countedSince: value.countedSince ? new Date(value.countedSince as string) : null,
  };
}

/**
 * Moves every whole month older than the retention period out of the database, oldest first:
 * each into a gzipped JSON Lines file whose first line is the segment's anchors (the hash before
 * its first entry, the hash of its last, the count), signed by the gateway; the entries follow,
 * then the checkpoints that fell within it. The anchors stay in the database too, so the live chain
 * continues from them, and the file can be verified on its own (`access-log:verify --archive`).
 * A segment is verified before it is archived; one that does not verify is left where it is.
 */
export async function archiveExpiredMonths(options: {
  db: GatewayDatabase;
  store: ChainStore;
  signer: ChainSigner;
  signatures: ChainSignatureVerifier;
  retentionMonths: number;
  archiveDir: string;
  logger: Logger;
  now?: Date;
}): Promise<string[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - options.retentionMonths, 1),
  );
  const archived: string[] = [];
  for (;;) {
    const previous = (await options.store.archives()).at(-1);
    const start: ChainHead = previous
      ? { seq: previous.toSeq, hash: previous.lastHash }
      : { seq: 0, hash: GENESIS_HASH };
    const [first] = await options.store.entriesAfter(start.seq, 1);
    if (!first) break;
    const month = monthOf(first.occurredAt);
    if (monthStart(month) >= cutoff) break;
    const [later] = await options.db
      .select({ seq: min(accessLogEntry.seq) })
      .from(accessLogEntry)
      .where(
        and(
          gt(accessLogEntry.seq, start.seq),
          gte(accessLogEntry.occurredAt, nextMonthStart(month)),
        ),
      );
    const head = await options.store.head();
    const toSeq = later?.seq ? Number(later.seq) - 1 : (head?.seq ?? start.seq);
    await archiveSegment({ ...options, month, start, toSeq });
    options.logger.info({ month, fromSeq: start.seq + 1, toSeq }, "access log month archived");
    archived.push(month);
  }
  return archived;
}

async function archiveSegment(options: {
  db: GatewayDatabase;
  store: ChainStore;
  signer: ChainSigner;
  signatures: ChainSignatureVerifier;
  archiveDir: string;
  month: string;
  start: ChainHead;
  toSeq: number;
}): Promise<void> {
  const { store, start, toSeq, month } = options;
  const checkpoints = (await store.checkpointsAfter(start.seq, 1_000_000)).filter(
    (checkpoint) => checkpoint.seq <= toSeq,
  );
  // First pass: verify the segment, so that nothing broken is moved out of sight.
  let previous = start;
  let count = 0;
  for (;;) {
    const rows = await store.entriesAfter(previous.seq, PAGE, toSeq);
    for (const row of rows) {
      const problem = entryProblem(row, previous);
      if (problem)
        throw new Error(`access log seq ${row.seq} is ${problem}: month ${month} not archived`);
      previous = { seq: row.seq, hash: row.hash };
      count += 1;
    }
    if (rows.length < PAGE) break;
  }
  if (previous.seq !== toSeq) throw new Error(`access log month ${month} ends early: not archived`);
  for (const checkpoint of checkpoints) {
    const entry = await store.entryAt(checkpoint.seq);
    if (entry?.hash !== checkpoint.hash) {
      throw new Error(`checkpoint ${checkpoint.seq} does not match: month ${month} not archived`);
    }
  }
  const anchors: ArchiveAnchors = {
    month,
    fromSeq: start.seq + 1,
    toSeq,
    prevHash: start.hash,
    lastHash: previous.hash,
    entries: count,
  };
  const jws = await options.signer.signArchive(anchors);
  await mkdir(options.archiveDir, { recursive: true });
  const fileName = archiveFileName(month);
  const path = join(options.archiveDir, fileName);
  await writeArchiveFile(
    `${path}.partial`,
    { format: FORMAT, anchors, jws },
    store,
    start,
    toSeq,
    checkpoints,
  );
  await rename(`${path}.partial`, path);
  const fileSha256 = createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
  await options.db.transaction(async (tx) => {
    await tx.insert(accessLogArchive).values({
      toSeq,
      fromSeq: anchors.fromSeq,
      month,
      prevHash: anchors.prevHash,
      lastHash: anchors.lastHash,
      entries: count,
      fileName,
      fileSha256,
      archivedAt: new Date(),
      jws,
    });
    await tx.delete(accessLogEntry).where(lte(accessLogEntry.seq, toSeq));
  });
}

async function writeArchiveFile(
  path: string,
  manifest: ArchiveManifest,
  store: ChainStore,
  start: ChainHead,
  toSeq: number,
  checkpoints: StoredCheckpoint[],
): Promise<void> {
  async function* lines() {
    yield `${JSON.stringify(manifest)}\n`;
    // Checkpoints before the entries: a reader then knows where to compare while it streams.
    for (const checkpoint of checkpoints) yield `${JSON.stringify({ checkpoint })}\n`;
    let after = start.seq;
    for (;;) {
      const rows = await store.entriesAfter(after, PAGE, toSeq);
      for (const row of rows) yield `${JSON.stringify({ entry: row })}\n`;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = last.seq;
    }
  }
  await pipeline(lines, createGzip(), createWriteStream(path, { mode: 0o640 }));
}

function entryProblem(row: StoredEntry, previous: ChainHead): ChainProblem | null {
  if (row.seq !== previous.seq + 1) return "missing_before";
  if (row.prevHash !== previous.hash) return "broken_link";
  if (entryHash(row, row.seq, row.prevHash, row.hashVersion) !== row.hash) return "edited";
  return null;
}

export interface ArchiveVerification {
  valid: boolean;
  anchors: ArchiveAnchors | null;
  entries: number;
  checkpoints: number;
  firstBroken: { seq: number; id: string | null; problem: ChainProblem | "bad_anchors" } | null;
}

/**
 * Verifies an archived month on its own: the anchors carry the gateway's signature, every entry
 * recomputes to its hash and links to the one before from the signed hash before the first, the
 * last is the signed last hash, the count is right, and every checkpoint inside holds.
 */
export async function verifyArchiveFile(
  path: string,
  signatures: ChainSignatureVerifier,
): Promise<ArchiveVerification> {
  const input = createReadStream(path).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let anchors: ArchiveAnchors | null = null;
  let previous: ChainHead = { seq: 0, hash: GENESIS_HASH };
  let entries = 0;
  let checkpoints = 0;
  /** Signed checkpoints inside the month, by seq: each entry there must have that hash. */
  const signedAt = new Map<number, string>();
  const broken = (
    seq: number,
    id: string | null,
    problem: ChainProblem | "bad_anchors",
  ): ArchiveVerification => ({
    valid: false,
    anchors,
    entries,
    checkpoints,
    firstBroken: { seq, id, problem },
  });
  for await (const line of reader) {
    if (!line) continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (!anchors) {
      const manifest = value as unknown as ArchiveManifest;
      const signed = await signatures.payload(manifest.jws ?? "");
      const claimed = manifest.anchors;
      const matches =
        manifest.format === FORMAT &&
        signed?.kind === "archive" &&
        claimed &&
        (Object.keys(claimed) as (keyof ArchiveAnchors)[]).every(
          (key) => signed[key] === claimed[key],
        );
      if (!matches) return broken(0, null, "bad_anchors");
      anchors = claimed;
      previous = { seq: claimed.fromSeq - 1, hash: claimed.prevHash };
      continue;
    }
    if (value.entry) {
      const row = entryFromJson(value.entry as Record<string, unknown>);
      const problem = entryProblem(row, previous);
      if (problem) return broken(row.seq, row.id, problem);
      const checkpointHash = signedAt.get(row.seq);
      if (checkpointHash !== undefined) {
        if (checkpointHash !== row.hash) return broken(row.seq, row.id, "checkpoint_mismatch");
        signedAt.delete(row.seq);
      }
      previous = { seq: row.seq, hash: row.hash };
      entries += 1;
      continue;
    }
    if (value.checkpoint) {
      const checkpoint = value.checkpoint as {
        seq: number;
        hash: string;
        signedAt: string;
        jws: string;
      };
      const genuine = await signatures.verifiesHead(
        {
          seq: checkpoint.seq,
          hash: checkpoint.hash,
          at: new Date(checkpoint.signedAt).toISOString(),
        },
        checkpoint.jws,
      );
      if (!genuine) return broken(checkpoint.seq, null, "bad_signature");
      signedAt.set(checkpoint.seq, checkpoint.hash);
      checkpoints += 1;
    }
  }
  if (!anchors) return broken(0, null, "bad_anchors");
  const [unmatched] = signedAt.keys();
  if (unmatched !== undefined) return broken(unmatched, null, "checkpoint_mismatch");
  if (previous.seq !== anchors.toSeq || entries !== anchors.entries) {
    return broken(previous.seq + 1, null, "truncated");
  }
  if (previous.hash !== anchors.lastHash) return broken(previous.seq, null, "head_mismatch");
  return { valid: true, anchors, entries, checkpoints, firstBroken: null };
}
