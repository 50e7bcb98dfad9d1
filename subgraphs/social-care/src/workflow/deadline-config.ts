import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * The checks' deadline per RAG rating: configuration, because every MASH area sets its own (some
 * count hours, some working hours). Validated at start, so a typo stops the service rather than
 * silently giving a child the wrong deadline.
 */

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
    /** Days that are not working days although Monday to Friday (England and Wales). */
    bankHolidays: z.array(z.string().regex(ISO_DATE)),
  })
  .strict()
  .refine((config) => isKnownTimeZone(config.timeZone), {
    message: "unknown IANA time zone",
    path: ["timeZone"],
  });

export type DeadlineConfig = z.infer<typeof deadlineConfigSchema>;
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
): DeadlineConfig {
  const parsed = deadlineConfigSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(`Invalid rating deadlines configuration: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

let cached: DeadlineConfig | undefined;

/** The configuration the service runs with, read once. */
export function deadlineConfig(): DeadlineConfig {
  cached ??= loadDeadlineConfig();
  return cached;
}
