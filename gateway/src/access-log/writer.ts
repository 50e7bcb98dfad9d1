import { describeErrorForLog, type Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import { type AccessRecord, chainAfter, GENESIS_HASH } from "./entry.js";
import { ChainConflictError, type ChainHead, type ChainStore } from "./store.js";

/** Why an entry could not be put on record; the gateway answers 503 ACCESS_LOG_UNAVAILABLE. */
export type UnavailableCause = "TIMEOUT" | "QUEUE_FULL" | "WRITE_FAILED";

export class AccessLogUnavailableError extends Error {
  readonly reason: UnavailableCause;
  constructor(reason: UnavailableCause) {
    super(`The access log could not be written (${reason.toLowerCase().replace("_", " ")})`);
    this.reason = reason;
  }
}

interface Pending {
  record: AccessRecord;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface AccessLogWriterOptions {
  /** Entries written per statement at most. */
  maxBatch?: number;
  /** How long an entry may wait for others to share its statement. */
  maxDelayMs?: number;
  /** How long a caller waits for its entry to be committed before giving up (503). */
  timeoutMs?: number;
  /** Entries accepted but not yet committed or failed; past it, new entries are refused (503). */
  maxPending?: number;
  /** Counts entries committed, failed and refused (`mash_access_log_writes_total`). */
  metrics?: Pick<ServiceMetrics, "accessLogWrites">;
}

/** Retries when another gateway extended the chain between reading its head and appending. */
const MAX_CONFLICT_RETRIES = 8;

/**
 * Appends access records to the hash chain. Each `record` resolves only once its entry is
 * committed, so a caller can hold back the data until the access is on record; entries arriving
 * together share one INSERT (one round trip for many requests under load). Waiting is bounded: an
 * entry not committed within `timeoutMs`, or offered while `maxPending` entries are outstanding, is
 * refused at once, so a dark database makes the gateway answer 503, never hang.
 */
export class AccessLogWriter {
  readonly #store: ChainStore;
  readonly #logger: Logger;
  readonly #maxBatch: number;
  readonly #maxDelayMs: number;
  readonly #timeoutMs: number;
  readonly #maxPending: number;
  readonly #metrics: Pick<ServiceMetrics, "accessLogWrites"> | undefined;
  #queue: Pending[] = [];
  #outstanding = 0;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  /** The head as this writer last wrote or read it; undefined when it must be read again. */
  #head: ChainHead | undefined;

  constructor(store: ChainStore, logger: Logger, options: AccessLogWriterOptions = {}) {
    this.#store = store;
    this.#logger = logger;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#maxDelayMs = options.maxDelayMs ?? 4;
    this.#timeoutMs = options.timeoutMs ?? 2_000;
    this.#maxPending = options.maxPending ?? 5_000;
    this.#metrics = options.metrics;
  }

  /** Entries accepted and not yet committed or failed. */
  get outstanding(): number {
    return this.#outstanding;
  }

  /** How many may be outstanding before new entries are refused (503). */
  get maxPending(): number {
    return this.#maxPending;
  }

  record(record: AccessRecord): Promise<void> {
    if (this.#outstanding >= this.#maxPending) {
      this.#metrics?.accessLogWrites.inc({ outcome: "refused" });
      return Promise.reject(new AccessLogUnavailableError("QUEUE_FULL"));
    }
    this.#outstanding += 1;
    return new Promise((resolve, reject) => {
      // The entry stays queued (and counted) after a timeout: it may still be written, which
      // over-records an access whose answer was withheld, never the other way round.
      const timeout = setTimeout(
        () => reject(new AccessLogUnavailableError("TIMEOUT")),
        this.#timeoutMs,
      );
      this.#queue.push({
        record,
        resolve: () => {
          clearTimeout(timeout);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timeout);
          reject(error);
        },
      });
      if (this.#queue.length >= this.#maxBatch) this.#schedule(0);
      else this.#schedule(this.#maxDelayMs);
    });
  }

  /** Writes whatever is queued; resolves when it is committed (or has failed). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      // One statement at a time: each batch extends the head the previous one committed.
      this.#flushing = this.#flushing.then(() => this.#write(batch));
    }
    return this.#flushing;
  }

  #schedule(delayMs: number) {
    if (this.#timer && delayMs > 0) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delayMs);
  }

  async #append(records: AccessRecord[]): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const head = this.#head ?? (await this.#store.head()) ?? { seq: 0, hash: GENESIS_HASH };
      const entries = chainAfter(head, records);
      try {
        await this.#store.append(entries);
        const last = entries.at(-1);
        this.#head = last ? { seq: last.seq, hash: last.hash } : head;
        return;
      } catch (error) {
        this.#head = undefined;
        if (!(error instanceof ChainConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  async #write(batch: Pending[]): Promise<void> {
    try {
      await this.#append(batch.map((pending) => pending.record));
      this.#metrics?.accessLogWrites.inc({ outcome: "committed" }, batch.length);
      for (const pending of batch) pending.resolve();
    } catch (error) {
      this.#logger.error(describeErrorForLog(error), "access log write failed");
      this.#metrics?.accessLogWrites.inc({ outcome: "failed" }, batch.length);
      const failure = new AccessLogUnavailableError("WRITE_FAILED");
      for (const pending of batch) pending.reject(failure);
    } finally {
      this.#outstanding -= batch.length;
    }
  }
}
