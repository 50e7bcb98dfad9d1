import { Redis } from "ioredis";
import { ConfigurationError } from "../config/parse-env.js";
import type { SharedStore } from "./shared-store.js";

export interface RedisStoreOptions {
  url: string;
  /** Namespace for every key, e.g. "mash:" (several deployments may share one Redis). */
  keyPrefix: string;
  /** How long one command may take before it fails (and its request is refused). */
  commandTimeoutMs?: number;
  /** Which service is connecting: for the message when it cannot. */
  service: string;
}

/** An entry's value with its own expiry in front: a Redis hash expires as a whole. */
function pack(value: string, expiresAt: number): string {
  return `${expiresAt}|${value}`;
}

function unpack(stored: string | null, now: number): string | undefined {
  if (stored === null) return undefined;
  const bar = stored.indexOf("|");
  const expiresAt = Number(stored.slice(0, bar));
  return Number.isFinite(expiresAt) && expiresAt > now ? stored.slice(bar + 1) : undefined;
}

/**
 * The shared store on Redis. Commands are never queued while the connection is down and time out
 * quickly, so a dark Redis makes requests fail fast (closed) instead of piling up.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<SharedStore> {
  const commandTimeout = options.commandTimeoutMs ?? 1_000;
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout,
    // Keep trying in the background after a drop, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Errors surface on the commands that fail; without a listener ioredis would also print them.
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const url = new URL(options.url);
    if (url.password) url.password = "***";
    throw new ConfigurationError(
      `Invalid configuration for ${options.service}:\n  REDIS_URL: cannot reach ${url.toString()} (${(error as Error).message})`,
    );
  }
  return {
    kind: "redis",
    redis,
    keyPrefix: options.keyPrefix,
    async claim(key, ttlMs) {
      const set = await redis.set(key, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
      return set === "OK";
    },
    async getEntry(key, entry) {
      return unpack(await redis.hget(key, entry), Date.now());
    },
    async setEntry(key, entry, value, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs));
      await redis
        .multi()
        .hset(key, entry, pack(value, Date.now() + ttl))
        .pexpire(key, ttl)
        .exec();
    },
    async delete(key) {
      await redis.del(key);
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
