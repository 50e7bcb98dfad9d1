import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Bank holidays, from a data file in the format the UK government publishes them in (divisions
 * `england-and-wales`, `scotland`, `northern-ireland`, each a list of events with a date). The
 * committed file is kept up to date with `npm run bank-holidays:update`; when the data is about to
 * run out the service says so loudly, because past its last year every weekday would count as a
 * working day and working-hours deadlines would come too early.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const DIVISIONS = ["england-and-wales", "scotland", "northern-ireland"] as const;
export type Division = (typeof DIVISIONS)[number];

const event = z
  .object({
    title: z.string().min(1),
    date: z.string().regex(ISO_DATE, "a date as YYYY-MM-DD"),
    notes: z.string().default(""),
    bunting: z.boolean().default(false),
  })
  .strip();

export const bankHolidayFileSchema = z.partialRecord(
  z.enum(DIVISIONS),
  z.object({ division: z.enum(DIVISIONS), events: z.array(event).min(1) }).strip(),
);

export type BankHolidayFile = z.infer<typeof bankHolidayFileSchema>;

export interface BankHolidays {
  division: Division;
  /** Every bank holiday, YYYY-MM-DD, sorted. */
  dates: ReadonlySet<string>;
  /** The last day the data speaks for: 31 December of the last year with events. */
  coversUntil: string;
}

/** The committed data file; `BANK_HOLIDAYS_FILE` names another. */
export const DEFAULT_BANK_HOLIDAYS_FILE = new URL(
  "../../config/bank-holidays.json",
  import.meta.url,
);

export function parseBankHolidayFile(text: string, source: string): BankHolidayFile {
  const parsed = bankHolidayFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`Invalid bank holiday data in ${source}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function loadBankHolidays(
  division: Division,
  file: string | URL = process.env.BANK_HOLIDAYS_FILE ?? DEFAULT_BANK_HOLIDAYS_FILE,
): BankHolidays {
  const data = parseBankHolidayFile(readFileSync(file, "utf8"), String(file));
  const events = data[division]?.events;
  if (!events) throw new Error(`The bank holiday data in ${String(file)} has no ${division}.`);
  const dates = [...new Set(events.map((e) => e.date))].sort();
  const lastYear = (dates.at(-1) ?? "").slice(0, 4);
  return { division, dates: new Set(dates), coversUntil: `${lastYear}-12-31` };
}

export interface Coverage {
  coversUntil: string;
  /** Whole days from `now` (UTC) to the end of the data: negative once it has run out. */
  daysLeft: number;
}

export function coverage(holidays: BankHolidays, now: Date): Coverage {
  const end = Date.parse(`${holidays.coversUntil}T23:59:59Z`);
  return {
    coversUntil: holidays.coversUntil,
    daysLeft: Math.floor((end - now.getTime()) / 86_400_000),
  };
}

/** Whether a working-hours count that ends at `until` ran past the days the data covers. */
export function beyondCoverage(holidays: BankHolidays, until: Date): boolean {
  return until.toISOString().slice(0, 10) > holidays.coversUntil;
}
