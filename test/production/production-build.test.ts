import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningStack, startStack } from "../../scripts/stack.js";
import { graphql } from "../support/graphql-client.js";
import { type ProductionKeys, productionKeys } from "../support/production-keys.js";

// What `npm run build` made, run the way a deployment runs it: `node dist/server.js` in each
// service's folder, no tsx, no TypeScript sources, NODE_ENV=production with keys of its own. The
// test task depends on the packages' build (test/turbo.json), so `npm test` builds first.

const SERVICES = ["gateway", "social-care", "police", "health", "probation"];

describe("the production build", () => {
  let stack: RunningStack;
  let keys: ProductionKeys;

  beforeAll(async () => {
    for (const folder of ["gateway", ...SERVICES.slice(1).map((name) => `subgraphs/${name}`)]) {
      const entry = new URL(`../../${folder}/dist/server.js`, import.meta.url);
      if (!existsSync(entry)) throw new Error(`${folder}/dist/server.js is missing: npm run build`);
    }
    keys = await productionKeys();
    stack = await startStack({
      mode: "production",
      build: "dist",
      ports: { gateway: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
      env: {
        ...keys.env,
        NODE_ENV: "production",
        DATA_DIR: "memory",
        LOG_LEVEL: "warn",
      },
      output: process.env.STACK_OUTPUT === "pretty" ? "pretty" : "silent",
      readyTimeoutMs: 480_000,
    });
  });
  afterAll(() => stack?.stop());

  it("starts every service with plain node from dist/", () => {
    const entries = Object.fromEntries(stack.services.map((service) => [service.name, service]));
    for (const name of SERVICES) expect(entries[name]?.entry, name).toBe("dist/server.js");
  });

  it("serves a signed-in practitioner through the gateway and social care", async () => {
    const token = await keys.token({
      sub: "prod-test-social-worker",
      agency: "social-care",
      roles: ["mash-social-worker"],
    });
    const response = await graphql<{ myEnquiries: unknown[] }>(
      stack.gatewayUrl,
      "{ myEnquiries { id } }",
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(response.errors).toBeUndefined();
    // Nothing seeded: seeding is development only, and a production build cannot do it.
    expect(response.data?.myEnquiries).toEqual([]);
  });

  it("serves no playground in production, and the prebuilt bundle where one is allowed", async () => {
    expect((await fetch(stack.gatewayUrl.replace(/graphql$/, ""))).status).toBe(404);
    // The playground is for development and test (decision 0018): a built gateway in test mode.
    const tested = await stack.startExtraGateway({ NODE_ENV: "test", PLAYGROUND: "enabled" });
    const root = tested.url.replace(/graphql$/, "");
    const page = await fetch(root);
    expect(page.status).toBe(200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (match) => match[1] ?? "",
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, root));
      expect(response.status, asset).toBe(200);
    }
    await tested.stop();
  });

  it("mints no development tokens", async () => {
    const response = await fetch(stack.gatewayUrl.replace(/graphql$/, "dev/token?persona=dpo"));
    expect(response.status).toBe(404);
  });
});
