import { beforeAll, describe, expect, it } from "vitest";
import { bundlePlayground } from "../../src/playground/bundle-playground.js";
import type { PlaygroundAssets } from "../../src/playground/playground-assets.js";

describe("the playground bundle", () => {
  let assets: PlaygroundAssets;
  beforeAll(async () => {
    assets = await bundlePlayground();
  });

  it("is built from installed packages: the app, its stylesheet, the editor's workers and fonts", () => {
    for (const name of [
      "app.js",
      "app.css",
      "editor.worker.js",
      "json.worker.js",
      "graphql.worker.js",
    ]) {
      expect(assets.get(name)?.body.length, name).toBeGreaterThan(10_000);
    }
    expect([...assets.keys()].some((name) => name.endsWith(".ttf"))).toBe(true);
    expect(assets.get("app.js")?.contentType).toBe("text/javascript; charset=utf-8");
  });

  it("loads nothing from a CDN: no module or worker URL points off the gateway", () => {
    const app = assets.get("app.js")?.body.toString("utf8") ?? "";
    // GraphiQL's own defaults fetch Monaco's workers from esm.sh; ours come from the bundle.
    for (const cdn of ["esm.sh/", "unpkg.com/", "cdn.jsdelivr.net/", "cdnjs.cloudflare.com/"]) {
      expect(app.includes(cdn), cdn).toBe(false);
    }
    expect(app).toContain("graphql.worker.js");
  });
});
