import type { Database } from "@mash/platform/db/connect";
import { describeErrorForLog, type Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import { desc, sql } from "drizzle-orm";
import * as tables from "../db/schema.js";
import { type AccessRecord, entryHash, GENESIS_HASH } from "./entry.js";

export type GatewayDatabase = Database<typeof tables>;

interface Pending {
  record: AccessRecord;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface AccessLogWriterOptions {
  /** Entries written per transaction at most. */
  maxBatch?: number;
  /** How long an entry may wait for others to share its transaction. */
  maxDelayMs?: number;
  /** Log the chain's head every this many entries, so an anchor exists outside the database. */
  anchorEvery?: number;
  /** Counts entries committed and lost (`mash_access_log_writes_total`). */
  metrics?: Pick<ServiceMetrics, "accessLogWrites">;
}

/** Any constant: serialises writers (several gateways on one database) for the chain's head. */
const CHAIN_LOCK = 7_270_391;

/**
 * Appends access records to the hash chain. Each `record` resolves only once its entry is
 * committed, so a caller can hold back the data until the access is on record; entries arriving
 * together share one transaction (one round trip for many requests under load).
 */
export class AccessLogWriter {
  readonly #db: GatewayDatabase;
  readonly #logger: Logger;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #anchorEvery: number;
  readonly #metrics: Pick<ServiceMetrics, "accessLogWrites"> | undefined;
  #queue: Pending[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(db: GatewayDatabase, logger: Logger, options: AccessLogWriterOptions = {}) {
    this.#db = db;
    this.#logger = logger;
    this.#maxBatch = options.maxBatch ?? 200;
    this.#maxDelayMs = options.maxDelayMs ?? 4;
    this.#anchorEvery = options.anchorEvery ?? 1_000;
    this.#metrics = options.metrics;
  }

  record(record: AccessRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ record, resolve, reject });
      if (this.#queue.length >= this.#maxBatch) this.#schedule(0);
      else this.#schedule(this.#maxDelayMs);
    });
  }

  /** Writes whatever is queued; resolves when it is committed (or has failed). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#queue.splice(0, this.#queue.length);
    // One transaction at a time: each batch extends the head the previous one committed.
    this.#flushing = this.#flushing.then(() => (batch.length > 0 ? this.#write(batch) : undefined));
    return this.#flushing;
  }

  #schedule(delayMs: number) {
    if (this.#timer && delayMs > 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delayMs);
  }

  async #write(batch: Pending[]): Promise<void> {
    try {
      const last = await this.#db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
        const [head] = await tx
          .select({ seq: tables.accessLogEntry.seq, hash: tables.accessLogEntry.hash })
          .from(tables.accessLogEntry)
          .orderBy(desc(tables.accessLogEntry.seq))
          .limit(1);
        let seq = head?.seq ?? 0;
        let prevHash = head?.hash ?? GENESIS_HASH;
        const rows = batch.map(({ record }) => {
          seq += 1;
          const hash = entryHash(record, seq, prevHash);
          const row = { ...record, seq, prevHash, hash };
          prevHash = hash;
          return row;
        });
        await tx.insert(tables.accessLogEntry).values(rows);
        return { seq, hash: prevHash };
      });
      this.#metrics?.accessLogWrites.inc({ outcome: "committed" }, batch.length);
      for (const pending of batch) pending.resolve();
      this.#anchor(last.seq, last.hash, batch.length);
    } catch (error) {
      this.#logger.error(describeErrorForLog(error), "access log write failed");
      this.#metrics?.accessLogWrites.inc({ outcome: "failed" }, batch.length);
      const failure = new Error("The access log could not be written");
      for (const pending of batch) pending.reject(failure);
    }
  }

  /**
   * The chain proves edits and deletions inside it, but not the loss of its newest entries. Logging
   * the head now and then puts an anchor outside the database to compare with (see verify).
   */
  #anchor(seq: number, hash: string, written: number) {
    if (Math.floor(seq / this.#anchorEvery) !== Math.floor((seq - written) / this.#anchorEvery)) {
      this.#logger.info({ accessLogHead: { seq, hash } }, "access log head");
    }
  }
}
