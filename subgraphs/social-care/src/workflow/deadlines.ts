import { TZDate } from "@date-fns/tz";
import {
  addDays,
  addHours,
  addMinutes,
  differenceInMinutes,
  format,
  isWeekend,
  set,
} from "date-fns";
import type { DeadlineConfig, RatingName } from "./deadline-config.js";

/**
 * When agency checks are due for a rating given at `from`, or null when the rating has no deadline
 * (BLUE). Round-the-clock hours are elapsed time (a RED at 23:00 is due at 03:00, weekend or not);
 * working hours count only inside the working day on Monday to Friday outside bank holidays, in
 * the configured time zone (so the working day follows British Summer Time).
 */
export function checksDeadline(
  rating: RatingName,
  from: Date,
  config: DeadlineConfig,
): Date | null {
  const rule = config.ratings[rating];
  if (!rule) return null;
  if (rule.clock === "hours") return addHours(from, rule.hours);
  return addWorkingMinutes(from, Math.round(rule.hours * 60), config);
}

function clockTime(value: string): { hours: number; minutes: number } {
  const [hours, minutes] = value.split(":").map(Number);
  return { hours: hours ?? 0, minutes: minutes ?? 0 };
}

function atTime(day: TZDate, value: string): TZDate {
  return set(day, { ...clockTime(value), seconds: 0, milliseconds: 0 });
}

export function isWorkingDay(day: TZDate, config: DeadlineConfig): boolean {
  return !isWeekend(day) && !config.bankHolidays.dates.has(format(day, "yyyy-MM-dd"));
}

function addWorkingMinutes(from: Date, minutes: number, config: DeadlineConfig): Date {
  let remaining = minutes;
  let cursor = new TZDate(from, config.timeZone);
  // Bounded: a year of days is far beyond any configured deadline.
  for (let day = 0; day < 366; day += 1) {
    const start = atTime(cursor, config.workingDay.start);
    const end = atTime(cursor, config.workingDay.end);
    if (isWorkingDay(cursor, config) && cursor < end) {
      const begin = cursor < start ? start : cursor;
      const available = differenceInMinutes(end, begin);
      if (remaining <= available) return new Date(addMinutes(begin, remaining).getTime());
      remaining -= available;
    }
    cursor = atTime(addDays(cursor, 1), "00:00");
  }
  throw new Error("The working-hours deadline is more than a year away: check the configuration.");
}
