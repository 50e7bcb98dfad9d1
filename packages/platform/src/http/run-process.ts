import { ConfigurationError } from "../config/parse-env.js";
import { describeErrorForLog, type Logger } from "../observability/logger.js";
import { closeOnSignals } from "./shutdown.js";

export interface StartedProcess {
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The entry point of a service process: start it, close it cleanly on Ctrl-C or SIGTERM, and exit
 * with a readable message (never a stack trace) when the configuration is wrong.
 */
export async function runServiceProcess(start: () => Promise<StartedProcess>): Promise<void> {
  try {
    const started = await start();
    closeOnSignals(started.logger, [started.close]);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Failed to start: ${JSON.stringify(describeErrorForLog(error))}\n`);
    }
    process.exit(1);
  }
}
