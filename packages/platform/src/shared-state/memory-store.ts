import { LRUCache } from "lru-cache";
import type { SharedStore } from "./shared-store.js";

interface Entry {
  value: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** Upper bound on keys held; the least recently used go first. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * The shared store of a single replica: bounded (so no caller can grow it without limit) and
 * expiring. Claims are not kept here: the replay guard has its own bounded in-memory form.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const now = options.now ?? Date.now;
  const maps = new LRUCache<string, Map<string, Entry>>({ max: options.maxKeys ?? 50_000 });
  const claims = new LRUCache<string, number>({ max: options.maxKeys ?? 50_000 });
  return {
    kind: "memory",
    redis: null,
    keyPrefix: "",
    async claim(key, ttlMs) {
      const at = now();
      const until = claims.get(key);
      if (until !== undefined && until > at) return false;
      claims.set(key, at + ttlMs);
      return true;
    },
    async getEntry(key, entry) {
      const found = maps.get(key)?.get(entry);
      if (!found || found.expiresAt <= now()) return undefined;
      return found.value;
    },
    async setEntry(key, entry, value, ttlMs) {
      const map = maps.get(key) ?? new Map<string, Entry>();
      map.set(entry, { value, expiresAt: now() + ttlMs });
      maps.set(key, map);
    },
    async delete(key) {
      maps.delete(key);
      claims.delete(key);
    },
    async ping() {},
    async close() {
      maps.clear();
      claims.clear();
    },
  };
}
