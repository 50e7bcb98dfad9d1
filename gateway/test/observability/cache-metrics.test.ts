import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { registerCacheMetrics } from "../../src/observability/cache-metrics.js";

describe("cache metrics", () => {
  it("report each cache's entries as scraped, and its bound when it has one", async () => {
    const registry = new Registry();
    let entries = 3;
    registerCacheMetrics(registry, [
      { name: "prepared_operations", entries: () => entries, maxEntries: 2000 },
      { name: "query_plans", entries: () => 7 },
    ]);
    entries = 5;
    const text = await registry.metrics();
    expect(text).toContain('mash_gateway_cache_entries{cache="prepared_operations"} 5');
    expect(text).toContain('mash_gateway_cache_entries{cache="query_plans"} 7');
    expect(text).toContain('mash_gateway_cache_max_entries{cache="prepared_operations"} 2000');
    expect(text).not.toContain('mash_gateway_cache_max_entries{cache="query_plans"}');
  });
});
