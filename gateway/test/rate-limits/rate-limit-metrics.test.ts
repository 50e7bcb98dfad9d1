import { describe, expect, it } from "vitest";
import { testGateways } from "../support/test-gateway.js";

const gatewayWith = testGateways();

/** The value of one series of `mash_rate_limit_refusals_total`, 0 when it is not there yet. */
function refusals(metrics: string, budget: string): number {
  const series = metrics
    .split("\n")
    .find(
      (line) =>
        line.startsWith(`mash_rate_limit_refusals_total{`) && line.includes(`budget="${budget}"`),
    );
  return series ? Number(series.split(" ").at(-1)) : 0;
}

describe("rate-limit refusals in the gateway's metrics", () => {
  it("counts every 429, by budget, and names no caller and no address", async () => {
    const { gateway, get } = await gatewayWith({
      RATE_LIMIT_READS: "2",
      RATE_LIMIT_FAILED_SIGN_INS: "1",
    });
    const ask = (headers: Record<string, string> = {}) =>
      fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ __typename }" }),
      });

    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    expect(refusals(await (await get("/metrics")).text(), "reads")).toBe(0);
    expect((await ask()).status).toBe(429);
    expect((await ask()).status).toBe(429);

    // One failed sign-in uses the address's budget; the next attempt is refused before checking.
    const forged = { authorization: "Bearer not-a-token" };
    expect((await ask(forged)).status).toBe(401);
    expect((await ask(forged)).status).toBe(429);

    const metrics = await (await get("/metrics")).text();
    expect(refusals(metrics, "reads")).toBe(2);
    expect(refusals(metrics, "failed-sign-ins")).toBe(1);
    expect(refusals(metrics, "writes")).toBe(0);
    // Who was refused is for the access log, not for metrics.
    expect(metrics).not.toMatch(/127\.0\.0\.1|::1|address:|principal:|not-a-token/);
  });
});
