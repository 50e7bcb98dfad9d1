import type { Logger } from "../observability/logger.js";

/**
 * Closes everything on SIGINT/SIGTERM, in order, then exits. A second signal exits at once, so a
 * stuck close never traps the operator.
 */
export function closeOnSignals(logger: Logger, closers: (() => Promise<void>)[]): void {
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, "shutting down");
    let code = 0;
    for (const close of closers) {
      try {
        await close();
      } catch (error) {
        code = 1;
        logger.error({ error: (error as Error).name }, "error while shutting down");
      }
    }
    process.exit(code);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
