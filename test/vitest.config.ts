import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../vitest.shared.js";

// Each file here boots the real processes. On a busy machine (other suites, a benchmark beside
// them) a start can take minutes: the timeouts catch a hang, they do not measure speed.
export default mergeConfig(
  shared,
  defineConfig({ test: { hookTimeout: 600_000, testTimeout: 180_000 } }),
);
