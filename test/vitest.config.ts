import { defineConfig } from "vitest/config";
import shared from "../vitest.shared.js";

/**
 * Suites that only talk to the gateway of a system in its default test configuration: they share
 * one running system per backend (support/shared-stacks.setup.ts) instead of booting their own.
 */
const SHARED_STACK_SUITES = [
  "accountability/disclosures.test.ts",
  "authorization/bypass.test.ts",
  "authorization/field-matrix.test.ts",
  "client/apollo-client.test.ts",
  "matching/matching.test.ts",
  "playground/playground.browser.test.ts",
  "workflow/intake-to-decision.test.ts",
  "workflow/whole-enquiry.test.ts",
];

/**
 * The shared settings, with this package's timeouts. Each file here boots the real processes (or
 * uses the shared ones). On a busy machine (other suites, a benchmark beside them) a start can take
 * minutes: the timeouts catch a hang, they do not measure speed.
 */
function project(test: {
  name: string;
  include?: string[];
  exclude?: string[];
  globalSetup?: string[];
}) {
  // Spread rather than `extends: true`: extending would concatenate the shared `include` (every
  // test file) with the project's own, and each project would run every suite.
  return {
    ...shared,
    test: {
      ...shared.test,
      hookTimeout: 600_000,
      testTimeout: 180_000,
      ...test,
      exclude: [...(shared.test?.exclude ?? []), ...(test.exclude ?? [])],
    },
  };
}

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    projects: [
      project({
        name: "shared-stack",
        include: SHARED_STACK_SUITES,
        globalSetup: ["support/shared-stacks.setup.ts"],
      }),
      project({ name: "own-stack", exclude: SHARED_STACK_SUITES }),
    ],
  },
});
