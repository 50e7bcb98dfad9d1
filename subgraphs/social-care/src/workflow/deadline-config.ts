import { readFileSync } from "node:fs";
import { z } from "zod";
import { type BankHolidays, DIVISIONS, loadBankHolidays } from "./bank-holidays.js";

/**
 * The checks' deadline per RAG rating: configuration, because every MASH area sets its own (some
 * count hours, some working hours). Validated when the service starts (see `onStart` in
 * subgraph.ts), so a typo stops the service rather than silently giving a child the wrong deadline.
 */

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const ratingDeadline = z
  .object({
    hours: z
      .number()
      .positive()
      .max(24 * 30),
    /** `hours` run round the clock; `working_hours` only in working hours on working days. */
    clock: z.enum(["hours", "working_hours"]),
  })
  .strict();

export const deadlineConfigSchema = z
  .object({
    area: z.string().min(1),
    timeZone: z.string().min(1),
    workingDay: z
      .object({ start: z.string().regex(CLOCK_TIME), end: z.string().regex(CLOCK_TIME) })
      .strict()
      .refine((day) => day.start < day.end, "the working day must end after it starts"),
    /** null: no checks deadline (BLUE is "no MASH response"). */
    ratings: z
      .object({
        RED: ratingDeadline.nullable(),
        AMBER: ratingDeadline.nullable(),
        GREEN: ratingDeadline.nullable(),
        BLUE: ratingDeadline.nullable(),
      })
      .strict(),
    /**
     * Which division's bank holidays are not working days (the dates are in the bank holiday data
     * file), and how many days before that data runs out the service starts warning.
     */
    bankHolidays: z
      .object({
        division: z.enum(DIVISIONS),
        warnWhenLessThanDays: z.number().int().min(1).max(366),
      })
      .strict(),
  })
  .strict()
  .refine((config) => isKnownTimeZone(config.timeZone), {
    message: "unknown IANA time zone",
    path: ["timeZone"],
  });

export type DeadlineSettings = z.infer<typeof deadlineConfigSchema>;

/** The settings with the bank holidays they name, loaded. */
export type DeadlineConfig = Omit<DeadlineSettings, "bankHolidays"> & {
  bankHolidays: BankHolidays & { warnWhenLessThanDays: number };
};
export type RatingName = keyof DeadlineConfig["ratings"];

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The committed configuration; `RATING_DEADLINES_FILE` names another (a local protocol's). */
const DEFAULT_FILE = new URL("../../config/rating-deadlines.json", import.meta.url);

export function loadDeadlineConfig(
  file: string | URL = process.env.RATING_DEADLINES_FILE ?? DEFAULT_FILE,
  bankHolidaysFile?: string | URL,
): DeadlineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the rating deadlines configuration: ${(error as Error).message}`);
  }
  const parsed = deadlineConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid rating deadlines configuration: ${z.prettifyError(parsed.error)}`);
  }
  const { bankHolidays, ...settings } = parsed.data;
  return {
    ...settings,
    bankHolidays: {
      ...loadBankHolidays(bankHolidays.division, bankHolidaysFile),
      warnWhenLessThanDays: bankHolidays.warnWhenLessThanDays,
    },
  };
}

let cached: DeadlineConfig | undefined;

/** The configuration the service runs with, read once (at start: see subgraph.ts). */
export function deadlineConfig(): DeadlineConfig {
  cached ??= loadDeadlineConfig();
  return cached;
}

/** Reads the configuration from its files again (at start) and runs with it from now on. */
export function reloadDeadlineConfig(): DeadlineConfig {
  cached = loadDeadlineConfig();
  return cached;
}
