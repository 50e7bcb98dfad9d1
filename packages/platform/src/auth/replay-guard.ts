import { GraphQLError } from "graphql";
import { ErrorCode } from "../graphql/errors.js";
import type { SharedStore } from "../shared-state/shared-store.js";

/**
 * Remembers token ids (`jti`) until their token expires, so each gateway token is accepted once.
 *
 * `claim` may return a promise so that a deployment running several replicas of one subgraph can
 * use a shared store (`createSharedReplayGuard`); the in-memory guard only sees requests reaching
 * its own process.
 */
export interface ReplayGuard {
  /**
   * Records `id` as used until `expiresAtMs` (epoch milliseconds). Returns `true` the first time an
   * id is presented while it is live, `false` on every later attempt.
   */
  claim(id: string, expiresAtMs: number): boolean | Promise<boolean>;
}

export interface MemoryReplayGuardOptions {
  /**
   * Upper bound on remembered ids. Size it to peak requests per second × the longest token life a
   * verifier accepts (plus clock tolerance): at 1,000 req/s and 35 s that is 35,000 entries.
   */
  maxEntries?: number;
  /** Clock in epoch milliseconds; injectable for tests. */
  now?: () => number;
}

export interface MemoryReplayGuard extends ReplayGuard {
  claim(id: string, expiresAtMs: number): boolean;
  readonly size: number;
}

/**
 * An in-process, size-bounded, time-expiring set of ids.
 *
 * A Map keeps insertion order, and gateway tokens all share one short lifetime, so insertion order
 * is (close to) expiry order: dropping expired entries from the front on each call keeps the cost
 * constant per request instead of sweeping on a timer. An entry that expires out of order is still
 * checked on lookup, and at worst occupies space until it reaches the front.
 *
 * When every remembered id is still live and the bound is reached, the oldest is forgotten. That
 * reopens a replay window for the token closest to expiry; the alternative (refusing new tokens)
 * would let a burst of legitimate traffic take the subgraph offline. Size the bound so this does
 * not happen under expected load.
 */
export function createMemoryReplayGuard(options: MemoryReplayGuardOptions = {}): MemoryReplayGuard {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();

  function dropExpired(at: number): void {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > at) return;
      expiries.delete(id);
    }
  }

  return {
    claim(id, expiresAtMs) {
      const at = now();
      dropExpired(at);
      const seenUntil = expiries.get(id);
      if (seenUntil !== undefined && seenUntil > at) return false;
      // Re-inserting moves the id to the back, keeping the Map in (approximate) expiry order.
      expiries.delete(id);
      if (expiries.size >= maxEntries) {
        const oldest = expiries.keys().next();
        if (!oldest.done) expiries.delete(oldest.value);
      }
      expiries.set(id, expiresAtMs);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}

/**
 * Token ids remembered in the shared store, so that a token spent on one replica of a subgraph is
 * refused by every other replica too. `namespace` keeps each subgraph's ids apart. If the store
 * cannot answer, the token is refused (503): an unrecorded use could be replayed.
 */
export function createSharedReplayGuard(
  store: SharedStore,
  options: { namespace: string; now?: () => number },
): ReplayGuard {
  const now = options.now ?? Date.now;
  return {
    async claim(id, expiresAtMs) {
      try {
        return await store.claim(`replay:${options.namespace}:${id}`, expiresAtMs - now());
      } catch {
        throw new GraphQLError(
          "The request could not be checked against replays: the shared store is unavailable.",
          {
            extensions: {
              code: ErrorCode.ServiceUnavailable,
              reason: "REPLAY_GUARD_UNAVAILABLE",
              http: { status: 503 },
            },
          },
        );
      }
    },
  };
}

/** The replay guard for a service: shared through Redis when configured, else this process's own. */
export function replayGuardFor(store: SharedStore, namespace: string): ReplayGuard {
  return store.kind === "memory"
    ? createMemoryReplayGuard()
    : createSharedReplayGuard(store, { namespace });
}
