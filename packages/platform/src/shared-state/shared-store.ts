import type { Redis } from "ioredis";

/**
 * State that every replica of a service must see alike: which single-use tokens have been spent,
 * what is known of a caller's purposes, how much of a rate limit a caller has used. Redis backs it
 * when `REDIS_URL` is set, so that replicas share it; otherwise it lives in this process, which is
 * right for one replica (and `npm start`).
 *
 * Every operation is bounded in time: an unreachable store makes the operation fail (and its
 * caller refuse the request) rather than wait.
 */
export interface SharedStore {
  readonly kind: "memory" | "redis";
  /**
   * Records `key` for `ttlMs`. True the first time it is claimed while live, false on every later
   * attempt, on any replica: the primitive behind single use.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** One entry of a small map under `key`; undefined when absent or expired. */
  getEntry(key: string, entry: string): Promise<string | undefined>;
  /** Sets one entry of the map under `key`, live for `ttlMs`. */
  setEntry(key: string, entry: string, value: string, ttlMs: number): Promise<void>;
  /** Forgets `key` and everything under it. */
  delete(key: string): Promise<void>;
  /** The Redis connection, for libraries that speak Redis themselves (rate limits); else null. */
  readonly redis: Redis | null;
  /** The namespace every key is put under (`REDIS_KEY_PREFIX`), for those libraries too. */
  readonly keyPrefix: string;
  /** Throws when the store cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
