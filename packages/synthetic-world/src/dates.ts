/**
 * Dates as whole days since 1970-01-01 (UTC). The generator does a lot of date arithmetic; integers
 * keep it cheap and exact, and ISO strings are produced only when a value leaves the generator.
 */

const MS_PER_DAY = 86_400_000;
export const DAYS_PER_YEAR = 365.25;

/** Caches cover 1901-2047, which holds every date the generator makes; others are computed. */
const CACHE_OFFSET = 25_000;
const CACHE_SIZE = 53_000;
const isoCache: (string | undefined)[] = new Array(CACHE_SIZE);
const ymdCache: (Ymd | undefined)[] = new Array(CACHE_SIZE);

export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${iso}`);
  return dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoDate(day: number): string {
  const slot = day + CACHE_OFFSET;
  let iso = isoCache[slot];
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (slot >= 0 && slot < CACHE_SIZE) isoCache[slot] = iso;
  }
  return iso;
}

/** "THH:MM:00Z" for every minute of the day, so a date-time is one concatenation of two shared strings. */
const timeOfDay: readonly string[] = Array.from({ length: 1440 }, (_, minute) => {
  const hours = String(Math.floor(minute / 60)).padStart(2, "0");
  return `T${hours}:${String(minute % 60).padStart(2, "0")}:00Z`;
});

/** ISO date-time in UTC, minute precision. */
export function isoDateTime(day: number, minuteOfDay: number): string {
  const minute = ((minuteOfDay % 1440) + 1440) % 1440;
  return isoDate(day) + (timeOfDay[minute] as string);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number; the result is shared, do not modify it. */
export function ymdOf(day: number): Readonly<Ymd> {
  const slot = day + CACHE_OFFSET;
  let ymd = ymdCache[slot];
  if (ymd === undefined) {
    const date = new Date(day * MS_PER_DAY);
    ymd = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    if (slot >= 0 && slot < CACHE_SIZE) ymdCache[slot] = ymd;
  }
  return ymd;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same calendar day `years` later; 29 February becomes 28 February in a non-leap year. */
export function addYears(day: number, years: number): number {
  const { year, month, day: dom } = ymdOf(day);
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayFromYmd(target, month, month === 2 && dom === 29 && !leap ? 28 : dom);
}

/** Completed years of age on `at`. */
export function ageAt(dateOfBirth: number, at: number): number {
  const birth = ymdOf(dateOfBirth);
  const now = ymdOf(at);
  let age = now.year - birth.year;
  if (now.month < birth.month || (now.month === birth.month && now.day < birth.day)) age--;
  return age;
}

export function yearOf(day: number): number {
  return ymdOf(day).year;
}

export function years(count: number): number {
  return Math.round(count * DAYS_PER_YEAR);
}
