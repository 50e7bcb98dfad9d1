import { inject } from "vitest";

/** A running system shared by several suites: its addresses, never its processes. */
export interface SharedStack {
  /** The backend it runs on: "pglite" or "postgres". */
  name: string;
  gatewayUrl: string;
  urls: Record<string, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    sharedStacks: SharedStack[];
  }
}

/**
 * The systems started once for the "shared-stack" project (see shared-stacks.setup.ts), one per
 * backend: `describe.each(sharedStacks())` runs a suite on each. Only suites listed in that
 * project (test/vitest.config.ts) may call it.
 */
export function sharedStacks(): SharedStack[] {
  const stacks = inject("sharedStacks");
  if (!stacks?.length) {
    throw new Error(
      "No shared stack: this suite must be listed in the shared-stack project in test/vitest.config.ts.",
    );
  }
  return stacks;
}

/** The shared system on the first backend (PGlite), for suites that run on one backend only. */
export function sharedStack(): SharedStack {
  return sharedStacks()[0] as SharedStack;
}
