import type { Logger } from "@mash/platform/observability/logger";
import { describeErrorForLog } from "@mash/platform/observability/logger";
import { developmentToken, tokenFromFile } from "./feed-token.js";
import { gatewaySubjectChanges } from "./fetch-subject-changes.js";
import type { FetchSubjectChanges, SubjectPull } from "./pull-subject-changes.js";
import type { SubjectFeedConfig } from "./subject-feed-config.js";

export interface SubjectFeedWorker {
  /** Pulls now (tests, and the first pull at start); resolves when the pull has ended. */
  pullNow(): Promise<SubjectPull | null>;
  stop(): Promise<void>;
}

/** How the feed fetches pages, from the configuration. */
export function feedSource(
  agency: string,
  config: SubjectFeedConfig,
  selection: string,
): FetchSubjectChanges {
  const token =
    config.token.kind === "file" ? tokenFromFile(config.token.path) : developmentToken(agency);
  return gatewaySubjectChanges({ url: config.url, token, selection });
}

/**
 * Pulls social care's subject changes every `intervalMs` and links them, one pull at a time; a
 * failed pull (the gateway or social care down) is logged without anyone's details and tried
 * again at the next tick, from the same cursor.
 */
export function startSubjectFeedWorker(
  pull: () => Promise<SubjectPull>,
  intervalMs: number,
  logger: Logger,
): SubjectFeedWorker {
  let running: Promise<SubjectPull | null> | null = null;
  let stopped = false;
  let failures = 0;
  const pullOnce = () => {
    running ??= pull()
      .then((result) => {
        if (failures > 0) logger.info("subject feed pulling again");
        failures = 0;
        if (result.subjects > 0) {
          logger.info({ subjects: result.subjects, ...result.outcome }, "subject feed linked");
        }
        return result;
      })
      .catch((error: unknown) => {
        // The first failure and then every 60th, so a long outage does not flood the log.
        if (failures++ % 60 === 0) {
          logger.warn({ ...describeErrorForLog(error), failures }, "subject feed pull failed");
        }
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void pullOnce();
  }, intervalMs);
  timer.unref();
  return {
    pullNow: pullOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
