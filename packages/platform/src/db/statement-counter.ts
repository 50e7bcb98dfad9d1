import type { Logger as DrizzleLogger } from "drizzle-orm";

/** BEGIN, COMMIT, ROLLBACK and savepoints: how a transaction is bracketed, not work done in it. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;

/** Statements that change data: what a read must never send. */
const WRITE =
  /^\s*(insert|update|delete|merge|truncate)\b|\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i;

/**
 * Counts every SQL statement drizzle sends, transaction control aside. N+1 queries are bugs in
 * this project, and tests prove their absence by counting statements around a request; `/metrics`
 * exposes the same total.
 */
export class StatementCounter implements DrizzleLogger {
  #count = 0;
  #writes = 0;
  readonly #onStatement: (() => void) | undefined;

  constructor(onStatement?: () => void) {
    this.#onStatement = onStatement;
  }

  get count(): number {
    return this.#count;
  }

  logQuery(query: string): void {
    // node-postgres brackets a drizzle transaction with BEGIN/COMMIT statements that PGlite runs
    // inside its own transaction call: counting them would make the same code cost more on one
    // engine. What is counted is the work, the same on both.
    if (TRANSACTION_CONTROL.test(query)) return;
    this.#count += 1;
    if (WRITE.test(query)) this.#writes += 1;
    this.#onStatement?.();
  }

  /**
   * Runs `work` and returns how many statements it sent, and how many of them wrote (meaningful
   * when nothing else runs).
   */
  async measure<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; statements: number; writes: number }> {
    const before = this.#count;
    const writesBefore = this.#writes;
    const result = await work();
    return { result, statements: this.#count - before, writes: this.#writes - writesBefore };
  }
}
