import type { Registry } from "prom-client";
import { Gauge } from "prom-client";

/** A cache or queue the gateway holds in memory: how full it is now, and its bound. */
export interface MeasuredCache {
  /** The label (`cache="…"`): a name the code chose, never anything a caller sent. */
  name: string;
  entries(): number;
  /** Its bound in entries, when it has one in those terms. */
  maxEntries?: number;
}

/**
 * `mash_gateway_cache_entries{cache}` and `mash_gateway_cache_max_entries{cache}`: every cache and
 * queue the gateway keeps in memory, read when /metrics is scraped, so that what holds the
 * gateway's memory under load can be seen (and each is bounded: a cache without a bound here is
 * a bug). Reading costs nothing between scrapes.
 */
export function registerCacheMetrics(registry: Registry, caches: readonly MeasuredCache[]): void {
  new Gauge({
    name: "mash_gateway_cache_entries",
    help: "Entries in each of the gateway's in-memory caches and queues, now.",
    labelNames: ["cache"],
    registers: [registry],
    collect() {
      for (const cache of caches) this.set({ cache: cache.name }, cache.entries());
    },
  });
  new Gauge({
    name: "mash_gateway_cache_max_entries",
    help: "The bound of each of the gateway's in-memory caches and queues, in entries.",
    labelNames: ["cache"],
    registers: [registry],
    collect() {
      for (const cache of caches) {
        if (cache.maxEntries !== undefined) this.set({ cache: cache.name }, cache.maxEntries);
      }
    },
  });
}
