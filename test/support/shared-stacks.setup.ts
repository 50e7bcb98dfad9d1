import type { TestProject } from "vitest/node";
import type { SharedStack } from "./shared-stack.js";
import { type StackBackend, stackBackends, startTestStack } from "./system-under-test.js";

/**
 * Global setup of the "shared-stack" test project: one running system per backend (PGlite, and
 * PostgreSQL when TEST_DATABASE_URL is set), started once for all the suites that only talk to the
 * gateway in its default test configuration. Booting five processes and seeding four agencies is
 * the dearest thing a cross-service suite does; each such suite works on subjects and enquiries of
 * its own (or creates them), so they can share one system. Suites that change how the system is
 * configured, stop services or read their logs start a stack of their own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backends: StackBackend[] = stackBackends();
  const started = await Promise.allSettled(backends.map((backend) => startTestStack(backend)));
  const stop = async () => {
    for (const result of started) if (result.status === "fulfilled") await result.value.stop();
    for (const backend of backends) await backend.cleanup();
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const stacks: SharedStack[] = started.flatMap((result, index) =>
    result.status === "fulfilled"
      ? [
          {
            name: backends[index]?.name ?? "",
            gatewayUrl: result.value.gatewayUrl,
            urls: result.value.urls,
          },
        ]
      : [],
  );
  project.provide("sharedStacks", stacks);
  return stop;
}
