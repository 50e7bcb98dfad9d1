import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import type { StatementObserver } from "../observability/sql-statements.js";

// Each statement a driver sends goes through the observer (a span and a histogram). Wrapped at the
// driver, below drizzle, because drizzle's logger hears of a statement before it runs and never
// of its end; the statement counter stays drizzle's logger, which tests rely on.

type Query = (...args: unknown[]) => unknown;

/**
 * Every connection the pool opens: drizzle queries through the pool (which calls a client with a
 * callback) and through a client it holds for a transaction (which awaits the promise).
 */
export function observePool(pool: pg.Pool, observe: StatementObserver): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as Query;
    const observed: Query = (...args) => {
      const first = args[0] as string | { text?: unknown; submit?: unknown } | undefined;
      const text = typeof first === "string" ? first : first?.text;
      // A cursor or stream (`submit`) is driven by its own events: left as it is.
      if (typeof text !== "string" || (typeof first === "object" && first?.submit)) {
        return query(...args);
      }
      const at = args.findIndex((arg) => typeof arg === "function");
      if (at === -1) return observe(text, () => query(...args) as Promise<unknown>);
      const callback = args[at] as (error: unknown, result?: unknown) => void;
      const withPromise = [...args];
      void observe(
        text,
        () =>
          new Promise((resolve, reject) => {
            withPromise[at] = (error: unknown, result: unknown) =>
              error ? reject(error) : resolve(result);
            query(...withPromise);
          }),
      ).then(
        (result) => callback(undefined, result),
        (error: unknown) => callback(error),
      );
      return undefined;
    };
    client.query = observed as typeof client.query;
  });
}

/** PGlite: its own queries, and those inside a transaction (drizzle's are all `query`). */
export function observePglite(client: PGlite, observe: StatementObserver): void {
  const query = client.query.bind(client);
  client.query = ((text, params, options) =>
    observe(text, () => query(text, params, options))) as typeof client.query;
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      tx.query = ((text, params, options) =>
        observe(text, () => txQuery(text, params, options))) as typeof tx.query;
      return callback(tx);
    })) as typeof client.transaction;
}
