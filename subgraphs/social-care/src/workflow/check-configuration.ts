import type { Logger } from "@mash/platform/observability/logger";
import { beyondCoverage, coverage } from "./bank-holidays.js";
import { type DeadlineConfig, reloadDeadlineConfig } from "./deadline-config.js";

const DAY_MS = 86_400_000;

/**
 * Says how long the bank holiday data lasts, loudly when it is nearly or already out: an error
 * once it has run out (working-hours deadlines past it treat bank holidays as working days), a
 * warning within the configured number of days. Returns the level it logged at, if any.
 */
export function warnAboutBankHolidays(
  config: DeadlineConfig,
  logger: Logger,
  now: Date,
): "error" | "warn" | undefined {
  const { coversUntil, daysLeft } = coverage(config.bankHolidays, now);
  const fix = "run `npm run bank-holidays:update` and commit config/bank-holidays.json";
  const details = { division: config.bankHolidays.division, coversUntil, daysLeft };
  if (daysLeft < 0) {
    logger.error(
      details,
      `BANK HOLIDAY DATA HAS RUN OUT: working-hours deadlines count bank holidays as working days; ${fix}`,
    );
    return "error";
  }
  if (daysLeft < config.bankHolidays.warnWhenLessThanDays) {
    logger.warn(details, `bank holiday data runs out in ${daysLeft} days: ${fix}`);
    return "warn";
  }
  return undefined;
}

/** A deadline that ran past the data: said at error level each time it happens. */
export function warnIfBeyondBankHolidays(
  config: DeadlineConfig,
  dueAt: Date | null,
  logger: Logger,
): void {
  if (dueAt && beyondCoverage(config.bankHolidays, dueAt)) {
    logger.error(
      { coversUntil: config.bankHolidays.coversUntil, division: config.bankHolidays.division },
      "a working-hours deadline ran past the bank holiday data: run `npm run bank-holidays:update`",
    );
  }
}

/**
 * Social care's start: the deadline configuration and the bank holiday data are read and
 * validated now (an invalid file stops the service before it serves a single rating), and the
 * bank holidays' end is watched every day while the service runs.
 */
export function checkWorkflowConfiguration({ logger }: { logger: Logger }): void {
  const config = reloadDeadlineConfig();
  warnAboutBankHolidays(config, logger, new Date());
  setInterval(() => warnAboutBankHolidays(config, logger, new Date()), DAY_MS).unref();
}
