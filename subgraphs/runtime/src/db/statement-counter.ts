import type { Logger as DrizzleLogger } from "drizzle-orm";

/**
 * Counts every SQL statement drizzle sends. N+1 queries are bugs in this project, and tests prove
 * their absence by counting statements around a request; `/metrics` exposes the same total.
 */
export class StatementCounter implements DrizzleLogger {
  #count = 0;
  readonly #onStatement: (() => void) | undefined;

  constructor(onStatement?: () => void) {
    this.#onStatement = onStatement;
  }

  get count(): number {
    return this.#count;
  }

  logQuery(): void {
    this.#count += 1;
    this.#onStatement?.();
  }

  /** Runs `work` and returns how many statements it sent (meaningful when nothing else runs). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.#count;
    const result = await work();
    return { result, statements: this.#count - before };
  }
}
