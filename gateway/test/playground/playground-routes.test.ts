import { createLogger } from "@mash/platform/observability/logger";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { PLAYGROUND_CSP } from "../../src/playground/content-security-policy.js";
import type { PlaygroundAssets } from "../../src/playground/playground-assets.js";
import { registerPlaygroundRoutes } from "../../src/playground/playground-routes.js";

const logger = createLogger("gateway-test", "silent");

const TINY_BUNDLE: PlaygroundAssets = new Map([
  [
    "app.js",
    { body: Buffer.from("console.log(1)"), contentType: "text/javascript; charset=utf-8" },
  ],
  ["app.css", { body: Buffer.from("body{}"), contentType: "text/css; charset=utf-8" }],
]);

function appWith(loadAssets: () => Promise<PlaygroundAssets>) {
  const app = Fastify();
  registerPlaygroundRoutes(app, { logger, loadAssets });
  return app;
}

describe("the playground's routes", () => {
  it("serves the page with a self-only Content-Security-Policy and no inline script", async () => {
    const response = await appWith(async () => TINY_BUNDLE).inject({ url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["content-security-policy"]).toBe(PLAYGROUND_CSP);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body).toContain('<script src="playground/assets/app.js"></script>');
    expect(response.body).not.toMatch(/<script>|<style>|https?:\/\//);
  });

  it("allows scripts, workers and requests only from the gateway itself", () => {
    const directives = new Map(
      PLAYGROUND_CSP.split("; ").map((directive) => {
        const [name = "", ...sources] = directive.split(" ");
        return [name, sources];
      }),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("worker-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(PLAYGROUND_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("serves the bundle's files with their types, and 404 for anything else", async () => {
    const app = appWith(async () => TINY_BUNDLE);
    const script = await app.inject({ url: "/playground/assets/app.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).toBe("console.log(1)");
    expect((await app.inject({ url: "/playground/assets/../config.ts" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/playground/assets/nothing.js" })).statusCode).toBe(404);
  });

  it("bundles once, on the first visit, and tries again after a failure", async () => {
    let calls = 0;
    const app = appWith(async () => {
      calls += 1;
      if (calls === 1) throw new Error("esbuild is not installed");
      return TINY_BUNDLE;
    });
    expect(calls).toBe(0);
    expect((await app.inject({ url: "/playground/assets/app.js" })).statusCode).toBe(503);
    expect((await app.inject({ url: "/playground/assets/app.js" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/playground/assets/app.css" })).statusCode).toBe(200);
    expect(calls).toBe(2);
  });
});
