import type { Database } from "@mash/platform/db/connect";
import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import * as tables from "./db/schema.js";
import type { ChainedEntry, StoredEntry } from "./entry.js";

export type GatewayDatabase = Database<typeof tables>;

/** The newest entry of the chain (or an anchor in it): where the next entry links to. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type StoredCheckpoint = typeof tables.accessLogCheckpoint.$inferSelect;
export type StoredArchive = typeof tables.accessLogArchive.$inferSelect;

/** Another writer took the sequence numbers this batch was chained for. */
export class ChainConflictError extends Error {
  constructor() {
    super("another writer extended the access log first");
  }
}

/**
 * Everything the chain's writer, checkpointer, verifier and archiver need from storage. The
 * drizzle implementation below serves PGlite and PostgreSQL; another store (a separate writer
 * process, a different database) implements the same few operations.
 */
export interface ChainStore {
  /** The newest entry, or the anchor of the newest archived segment when the table is empty. */
  head(): Promise<ChainHead | null>;
  /**
   * Appends a batch, already chained after the head, in one statement. Throws ChainConflictError
   * when one of its sequence numbers is taken (another writer got there first).
   */
  append(entries: readonly ChainedEntry[]): Promise<void>;
  /** Entries after `afterSeq` (up to `toSeq` when given), in order, at most `limit`. */
  entriesAfter(afterSeq: number, limit: number, toSeq?: number): Promise<StoredEntry[]>;
  /** The entry at `seq`, if stored. */
  entryAt(seq: number): Promise<StoredEntry | null>;
  /** The newest checkpoint, or the newest at or below `atOrBelow`. */
  latestCheckpoint(atOrBelow?: number): Promise<StoredCheckpoint | null>;
  /** Checkpoints in order of seq, after `afterSeq`. */
  checkpointsAfter(afterSeq: number, limit: number): Promise<StoredCheckpoint[]>;
  /** Adds a checkpoint unless one exists at that seq already (several gateways, one chain). */
  addCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** Archived segments, oldest first. */
  archives(): Promise<StoredArchive[]>;
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** The chain in the gateway's own database (PGlite or PostgreSQL), through drizzle. */
export class DatabaseChainStore implements ChainStore {
  readonly #db: GatewayDatabase;

  constructor(db: GatewayDatabase) {
    this.#db = db;
  }

  async head(): Promise<ChainHead | null> {
    const [newest] = await this.#db
      .select({ seq: tables.accessLogEntry.seq, hash: tables.accessLogEntry.hash })
      .from(tables.accessLogEntry)
      .orderBy(desc(tables.accessLogEntry.seq))
      .limit(1);
    if (newest) return newest;
    const [archived] = await this.#db
      .select({ seq: tables.accessLogArchive.toSeq, hash: tables.accessLogArchive.lastHash })
      .from(tables.accessLogArchive)
      .orderBy(desc(tables.accessLogArchive.toSeq))
      .limit(1);
    return archived ?? null;
  }

  async append(entries: readonly ChainedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      // One INSERT: atomic on its own, so no transaction and no lock. The primary key on seq is
      // what keeps two writers from forking the chain.
      await this.#db.insert(tables.accessLogEntry).values([...entries]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ChainConflictError();
      throw error;
    }
  }

  entriesAfter(afterSeq: number, limit: number, toSeq?: number): Promise<StoredEntry[]> {
    const after = gt(tables.accessLogEntry.seq, afterSeq);
    return this.#db
      .select()
      .from(tables.accessLogEntry)
      .where(toSeq === undefined ? after : and(after, lte(tables.accessLogEntry.seq, toSeq)))
      .orderBy(asc(tables.accessLogEntry.seq))
      .limit(limit);
  }

  async entryAt(seq: number): Promise<StoredEntry | null> {
    const [entry] = await this.#db
      .select()
      .from(tables.accessLogEntry)
      .where(eq(tables.accessLogEntry.seq, seq));
    return entry ?? null;
  }

  async latestCheckpoint(atOrBelow?: number): Promise<StoredCheckpoint | null> {
    const [checkpoint] = await this.#db
      .select()
      .from(tables.accessLogCheckpoint)
      .where(atOrBelow === undefined ? undefined : lte(tables.accessLogCheckpoint.seq, atOrBelow))
      .orderBy(desc(tables.accessLogCheckpoint.seq))
      .limit(1);
    return checkpoint ?? null;
  }

  checkpointsAfter(afterSeq: number, limit: number): Promise<StoredCheckpoint[]> {
    return this.#db
      .select()
      .from(tables.accessLogCheckpoint)
      .where(gt(tables.accessLogCheckpoint.seq, afterSeq))
      .orderBy(asc(tables.accessLogCheckpoint.seq))
      .limit(limit);
  }

  async addCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.#db.insert(tables.accessLogCheckpoint).values(checkpoint).onConflictDoNothing();
  }

  archives(): Promise<StoredArchive[]> {
    return this.#db
      .select()
      .from(tables.accessLogArchive)
      .orderBy(asc(tables.accessLogArchive.toSeq));
  }
}
