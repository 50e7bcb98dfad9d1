import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CommonJS (main) and ESM (module) builds of itself. Node loads the CommonJS one
// for everybody, but Vite would give our sources the ESM one while CommonJS dependencies (Apollo)
// keep theirs: two graphql realms, and "Cannot use GraphQLObjectType from another realm". Pin the
// one Node uses.
const graphqlCommonJs = createRequire(import.meta.url).resolve("graphql");

/**
 * Shared by every package's vitest.config.ts: resolve workspace packages to their TypeScript
 * sources (the "development" export condition), and allow the time database-backed tests need.
 */
export default defineConfig({
  resolve: {
    conditions: ["development"],
    alias: [{ find: /^graphql$/, replacement: graphqlCommonJs }],
  },
  ssr: { resolve: { conditions: ["development"] } },
  test: {
    // Said out loud rather than left to vitest's default: the services run in production mode
    // unless told otherwise, and the tests use what only test mode allows.
    env: { NODE_ENV: "test" },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
  },
});
