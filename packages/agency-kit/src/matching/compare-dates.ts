/** How well two dates of birth agree, strongest first. */
export type DateOfBirthAgreement =
  | "exact"
  | "day_month_swapped"
  | "year_slip"
  | "day_slip"
  | "disagree"
  | "missing";

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string | null): Ymd | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * Compares two dates of birth, recognising the slips people make writing them down: day and month
 * transposed (03/04 for 04/03), the year one out, or the day one out within the right month.
 */
export function compareDatesOfBirth(a: string | null, b: string | null): DateOfBirthAgreement {
  const dateA = parse(a);
  const dateB = parse(b);
  if (!dateA || !dateB) return "missing";
  const sameYear = dateA.year === dateB.year;
  const sameMonth = dateA.month === dateB.month;
  const sameDay = dateA.day === dateB.day;
  if (sameYear && sameMonth && sameDay) return "exact";
  if (sameYear && dateA.month === dateB.day && dateA.day === dateB.month) {
    return "day_month_swapped";
  }
  if (sameMonth && sameDay && Math.abs(dateA.year - dateB.year) === 1) return "year_slip";
  if (sameYear && sameMonth && Math.abs(dateA.day - dateB.day) === 1) return "day_slip";
  return "disagree";
}

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The dates of birth a record of this person could carry given those slips: blocking looks each of
 * them up in the agency's date-of-birth index, so a slipped date still finds the record.
 */
export function plausibleDatesOfBirth(iso: string | null): string[] {
  const date = parse(iso);
  if (!date) return [];
  const { year, month, day } = date;
  const dates = [
    isoOf(year, month, day),
    isoOf(year, day, month),
    isoOf(year - 1, month, day),
    isoOf(year + 1, month, day),
    isoOf(year, month, day - 1),
    isoOf(year, month, day + 1),
  ];
  return [...new Set(dates.filter((value): value is string => value !== null))];
}
