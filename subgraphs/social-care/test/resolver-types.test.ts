import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

// That an SDL change the resolvers do not follow fails `npm run typecheck` is checked by
// `npm run typecheck:sdl-drift` (scripts/check-resolver-types.ts), a CI step: type-checking is
// never run inside a test. What a test can check cheaply is that every typecheck and build
// regenerates the types first.

describe("resolver types generated from the SDL", () => {
  it("are regenerated before every typecheck and build", async () => {
    const { scripts } = JSON.parse(
      await readFile(new URL("../package.json", import.meta.url), "utf8"),
    ) as { scripts: Record<string, string> };
    expect(scripts.typecheck).toMatch(/^npm run codegen && tsc /);
    expect(scripts.build).toMatch(/^npm run codegen && tsc /);
  });
});
