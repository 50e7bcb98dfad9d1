import { asc, gt } from "drizzle-orm";
import { accessLogEntry } from "../db/schema.js";
import { entryHash, GENESIS_HASH } from "./entry.js";
import type { GatewayDatabase } from "./writer.js";

/** Stored and returned in lower case, like every enum value here (the SDL shows them upper case). */
export type ChainProblem =
  /** The entry's content no longer matches its hash: it was edited. */
  | "edited"
  /** Entries before this one are missing (seq jumps): they were deleted. */
  | "missing_before"
  /** The entry does not continue the previous entry's hash: reordered, replaced or forged. */
  | "broken_link"
  /**
   * The chain disagrees with a head recorded elsewhere: entries were removed from the end, or the
   * chain was rewritten from some point on.
   */
  | "head_mismatch";

export interface ChainVerification {
  valid: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  /** The first place the chain is broken, if it is. */
  firstBroken: { seq: number; id: string | null; problem: ChainProblem } | null;
}

const PAGE = 2_000;

/**
 * Walks the whole chain in order, recomputing every hash. Names the first broken link. With an
 * expected head (an anchor logged by the writer, kept outside the database), truncation of the
 * newest entries is caught too.
 */
export async function verifyChain(
  db: GatewayDatabase,
  expectedHead?: { seq: number; hash: string },
): Promise<ChainVerification> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(accessLogEntry)
      .where(gt(accessLogEntry.seq, previous.seq))
      .orderBy(asc(accessLogEntry.seq))
      .limit(PAGE);
    for (const row of rows) {
      const broken = (problem: ChainProblem): ChainVerification => ({
        valid: false,
        entries,
        head: previous.seq > 0 ? previous : null,
        firstBroken: { seq: row.seq, id: row.id, problem },
      });
      if (row.seq !== previous.seq + 1) return broken("missing_before");
      if (row.prevHash !== previous.hash) return broken("broken_link");
      if (entryHash(row, row.seq, row.prevHash) !== row.hash) return broken("edited");
      // Someone able to write the database could rewrite the whole chain consistently; an anchor
      // kept elsewhere is what exposes that.
      if (expectedHead && row.seq === expectedHead.seq && row.hash !== expectedHead.hash) {
        return broken("head_mismatch");
      }
      previous = { seq: row.seq, hash: row.hash };
      entries += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = previous.seq > 0 ? previous : null;
  if (expectedHead && (head?.seq ?? 0) < expectedHead.seq) {
    return {
      valid: false,
      entries,
      head,
      firstBroken: { seq: (head?.seq ?? 0) + 1, id: null, problem: "head_mismatch" },
    };
  }
  return { valid: true, entries, head, firstBroken: null };
}
