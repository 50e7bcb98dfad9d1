/** How well two dates of birth agree, strongest first. */
export type DateOfBirthAgreement =
  | "exact"
  | "day_month_swapped"
  | "year_slip"
  | "day_slip"
  | "disagree"
  | "missing";

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** A YYYY-MM-DD date as numbers, or null when it is missing or malformed. */
export function parseIsoDate(iso: string | null | undefined): Ymd | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Whether two numbers were written alike but for one slip of the pen or keyboard: one apart
 * (1985/1986), one digit different (1985/1965, 12/17), or two neighbouring digits swapped
 * (1985/1958, 12/21).
 */
export function oneSlipApart(a: number, b: number, digits: number): boolean {
  if (a === b) return false;
  if (Math.abs(a - b) === 1) return true;
  const x = String(a).padStart(digits, "0");
  const y = String(b).padStart(digits, "0");
  const differing: number[] = [];
  for (let i = 0; i < digits; i++) if (x[i] !== y[i]) differing.push(i);
  if (differing.length === 1) return true;
  const [first, second] = differing;
  return (
    differing.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    x[first] === y[second] &&
    x[second] === y[first]
  );
}

/**
 * Compares two parsed dates of birth, recognising the slips people make writing them down: day
 * and month transposed (03/04 for 04/03, the US order), the year slipped by one digit, or the day.
 */
export function compareYmd(a: Ymd | null, b: Ymd | null): DateOfBirthAgreement {
  if (!a || !b) return "missing";
  const sameYear = a.year === b.year;
  const sameMonth = a.month === b.month;
  const sameDay = a.day === b.day;
  if (sameYear && sameMonth && sameDay) return "exact";
  if (sameYear && a.month === b.day && a.day === b.month) return "day_month_swapped";
  if (sameMonth && sameDay && oneSlipApart(a.year, b.year, 4)) return "year_slip";
  if (sameYear && sameMonth && oneSlipApart(a.day, b.day, 2)) return "day_slip";
  return "disagree";
}

/** Compares two ISO dates of birth (see `compareYmd`). */
export function compareDatesOfBirth(
  a: string | null | undefined,
  b: string | null | undefined,
): DateOfBirthAgreement {
  return compareYmd(parseIsoDate(a), parseIsoDate(b));
}

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The dates of birth a record of this person most often carries given those slips: blocking looks
 * each up in the agency's date-of-birth index, so a slipped date still finds the record. Rarer
 * slips (another digit of the year) are left to the name and postcode keys.
 */
export function plausibleDatesOfBirth(iso: string | null | undefined): string[] {
  const date = parseIsoDate(iso);
  if (!date) return [];
  const { year, month, day } = date;
  const dates = [
    isoOf(year, month, day),
    isoOf(year, day, month),
    isoOf(year - 1, month, day),
    isoOf(year + 1, month, day),
    isoOf(year - 10, month, day),
    isoOf(year + 10, month, day),
    isoOf(year, month, day - 1),
    isoOf(year, month, day + 1),
  ];
  return [...new Set(dates.filter((value): value is string => value !== null))];
}
