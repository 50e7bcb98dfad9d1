import { entryHash, GENESIS_HASH } from "./entry.js";
import type { ChainSignatureVerifier, SignedHead } from "./signed-head.js";
import type { ChainHead, ChainStore, StoredCheckpoint } from "./store.js";

/** Stored and returned in lower case, like every enum value here (the SDL shows them upper case). */
export type ChainProblem =
  /** The entry's content no longer matches its hash: it was edited. */
  | "edited"
  /** Entries before this one are missing (seq jumps): they were deleted. */
  | "missing_before"
  /** The entry does not continue the previous entry's hash: reordered, replaced or forged. */
  | "broken_link"
  /** A head published elsewhere (or expected) names a different hash here: the end was rewritten. */
  | "head_mismatch"
  /** A head published elsewhere (or expected) is further on than the chain: its end was cut. */
  | "truncated"
  /** A signed checkpoint names a different hash for this entry: rewritten since it was signed. */
  | "checkpoint_mismatch"
  /** A checkpoint, archive anchor or published head whose signature is not the gateway's. */
  | "bad_signature";

export type AnchorKind = "genesis" | "checkpoint" | "archive" | "trusted";

export interface ChainVerification {
  valid: boolean;
  /** Entries recomputed. */
  entries: number;
  /** The newest entry, or null for an empty log. */
  head: ChainHead | null;
  /** The first place the chain is broken, if it is. */
  firstBroken: { seq: number; id: string | null; problem: ChainProblem } | null;
  /** Where recomputing started: the first entry, the newest signed checkpoint, or an archive's anchor. */
  verifiedFrom: ChainHead & { kind: AnchorKind };
  /** The published head the chain was held to, if any. */
  publishedHead: SignedHead | null;
}

export interface VerifyOptions {
  signatures: ChainSignatureVerifier;
  /**
   * Recompute every entry still in the database and check every checkpoint, rather than start
   * from the newest checkpoint (which costs what was added since it, whatever the log's size).
   */
  full?: boolean;
  /** A head recorded elsewhere by the caller. */
  expectedHead?: { seq: number; hash: string } | undefined;
  /** The newest head published to the configured sinks. */
  publishedHead?: SignedHead | null;
  /** A head this process verified itself earlier: start there when it is newer than the rest. */
  trustedFrom?: ChainHead | null;
}

const PAGE = 2_000;
const GENESIS = { seq: 0, hash: GENESIS_HASH, kind: "genesis" as const };

class Broken extends Error {
  constructor(
    readonly seq: number,
    readonly id: string | null,
    readonly problem: ChainProblem,
  ) {
    super(problem);
  }
}

/** Where recomputing starts: after the newest archived segment, or the newest checkpoint. */
async function startingAnchor(
  store: ChainStore,
  options: VerifyOptions,
): Promise<ChainHead & { kind: AnchorKind }> {
  let anchor: ChainHead & { kind: AnchorKind } = GENESIS;
  const archive = (await store.archives()).at(-1);
  if (archive) {
    const signed = await options.signatures.payload(archive.jws);
    if (
      signed?.kind !== "archive" ||
      signed.toSeq !== archive.toSeq ||
      signed.lastHash !== archive.lastHash
    ) {
      throw new Broken(archive.toSeq, null, "bad_signature");
    }
    anchor = { seq: archive.toSeq, hash: archive.lastHash, kind: "archive" };
  }
  if (options.full) return anchor;
  const trusted = options.trustedFrom;
  if (trusted && trusted.seq > anchor.seq) {
    const entry = await store.entryAt(trusted.seq);
    if (entry?.hash !== trusted.hash) {
      throw new Broken(trusted.seq, entry?.id ?? null, entry ? "head_mismatch" : "truncated");
    }
    return { ...trusted, kind: "trusted" };
  }
  const checkpoint = await store.latestCheckpoint();
  if (!checkpoint || checkpoint.seq <= anchor.seq) return anchor;
  await checkCheckpoint(store, options.signatures, checkpoint);
  return { seq: checkpoint.seq, hash: checkpoint.hash, kind: "checkpoint" };
}

/** A checkpoint holds when the gateway signed it and its entry still has its hash. */
async function checkCheckpoint(
  store: ChainStore,
  signatures: ChainSignatureVerifier,
  checkpoint: StoredCheckpoint,
  entry?: { id: string; hash: string } | null,
): Promise<void> {
  const at = checkpoint.signedAt.toISOString();
  if (
    !(await signatures.verifiesHead(
      { seq: checkpoint.seq, hash: checkpoint.hash, at },
      checkpoint.jws,
    ))
  ) {
    throw new Broken(checkpoint.seq, null, "bad_signature");
  }
  const stored = entry === undefined ? await store.entryAt(checkpoint.seq) : entry;
  if (!stored) {
    // Gone: cut off the end, or deleted from the middle.
    const head = await store.head();
    if ((head?.seq ?? 0) < checkpoint.seq)
      throw new Broken((head?.seq ?? 0) + 1, null, "truncated");
    throw new Broken(checkpoint.seq, null, "missing_before");
  }
  if (stored.hash !== checkpoint.hash) {
    throw new Broken(checkpoint.seq, stored.id, "checkpoint_mismatch");
  }
}

/** A head kept elsewhere: the chain must reach it, with the same hash there. */
async function checkHead(
  store: ChainStore,
  head: ChainHead | null,
  anchor: ChainHead,
  expected: { seq: number; hash: string },
): Promise<void> {
  const newest = head?.seq ?? anchor.seq;
  if (expected.seq > newest) throw new Broken(newest + 1, null, "truncated");
  if (expected.seq === anchor.seq) {
    if (anchor.hash !== expected.hash) throw new Broken(expected.seq, null, "head_mismatch");
    return;
  }
  const entry = await store.entryAt(expected.seq);
  // Older than what the database keeps: archived, and checked with the archive.
  if (!entry) return;
  if (entry.hash !== expected.hash) throw new Broken(expected.seq, entry.id, "head_mismatch");
}

/**
 * Verifies the access log's chain: recomputes every entry's hash from a trusted starting point (a
 * signed checkpoint, an archive's signed anchors, or the first entry), checks each links to the
 * one before and the numbering has no gap, then holds the end to the newest published head (a cut
 * end or a rewritten one is caught) and to an expected head, if given. Names the first broken link.
 */
export async function verifyChain(
  store: ChainStore,
  options: VerifyOptions,
): Promise<ChainVerification> {
  let anchor: ChainHead & { kind: AnchorKind } = GENESIS;
  let previous: ChainHead = GENESIS;
  let entries = 0;
  const published = options.publishedHead ?? null;
  const result = (firstBroken: ChainVerification["firstBroken"]): ChainVerification => ({
    valid: firstBroken === null,
    entries,
    head: previous.seq > 0 ? { seq: previous.seq, hash: previous.hash } : null,
    firstBroken,
    verifiedFrom: anchor,
    publishedHead: published,
  });
  try {
    anchor = await startingAnchor(store, options);
    previous = { seq: anchor.seq, hash: anchor.hash };
    const checkpoints = options.full ? await store.checkpointsAfter(anchor.seq, 1_000_000) : [];
    let next = 0;
    for (;;) {
      const rows = await store.entriesAfter(previous.seq, PAGE);
      for (const row of rows) {
        if (row.seq !== previous.seq + 1) throw new Broken(row.seq, row.id, "missing_before");
        if (row.prevHash !== previous.hash) throw new Broken(row.seq, row.id, "broken_link");
        if (entryHash(row, row.seq, row.prevHash, row.hashVersion) !== row.hash) {
          throw new Broken(row.seq, row.id, "edited");
        }
        const checkpoint = checkpoints[next];
        if (checkpoint && checkpoint.seq === row.seq) {
          await checkCheckpoint(store, options.signatures, checkpoint, row);
          next += 1;
        }
        previous = { seq: row.seq, hash: row.hash };
        entries += 1;
      }
      if (rows.length < PAGE) break;
    }
    const unmatched = checkpoints[next];
    // A signed checkpoint beyond the newest entry: entries it covered are gone.
    if (unmatched) throw new Broken(previous.seq + 1, null, "truncated");
    const head = previous.seq > 0 ? previous : null;
    if (published) {
      if (!(await options.signatures.verifiesHead(published, published.jws))) {
        throw new Broken(published.seq, null, "bad_signature");
      }
      await checkHead(store, head, anchor, published);
    }
    if (options.expectedHead) await checkHead(store, head, anchor, options.expectedHead);
    return result(null);
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    return result({ seq: error.seq, id: error.id, problem: error.problem });
  }
}
