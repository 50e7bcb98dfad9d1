/**
 * Police National Computer ID. Long form YYYY/NNNNNNNC: the year the record was created, a serial
 * zero-padded to seven digits, and a check letter. Short form YY/N...C with a serial of one to seven
 * digits. The slash is optional.
 *
 * Check letter = CHECK_LETTERS[(two-digit year followed by the seven-digit serial, as an integer) mod 23],
 * the rule also used by the Ministry of Justice's public PNC validators.
 *
 * A short form only gives two year digits. They are expanded with a pivot: YY greater than the pivot is
 * 19YY, otherwise 20YY. The default pivot is the current two-digit year, because a PNC record cannot
 * have been created in the future; pass `pivotYear` for reproducible parsing (tests, replays).
 *
 * Without a slash a 12-character value is read as the long form and anything of 4-10 characters as the
 * short form (YY + up to seven digits). An 11-character value without a slash is ambiguous and rejected.
 */

import { CHECK_LETTERS, checkLetterForDigits } from "./check-letter.js";
import { type IdentifierResult, invalid, valid } from "./result.js";

export interface PncParseOptions {
  /** Two-digit pivot (0-99) for expanding a short-form year. Default: the current year mod 100. */
  pivotYear?: number;
}

const WITH_SLASH = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/;
const LONG_NO_SLASH = /^(\d{4})(\d{7})([A-Z])$/;
const SHORT_NO_SLASH = /^(\d{2})(\d{1,7})([A-Z])$/;

export function pncCheckLetter(year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, "0");
  return checkLetterForDigits(`${yy}${String(serial).padStart(7, "0")}`);
}

export function expandTwoDigitYear(yy: number, pivotYear: number): number {
  return yy > pivotYear ? 1900 + yy : 2000 + yy;
}

export function parsePncId(input: string, options: PncParseOptions = {}): IdentifierResult {
  const compact = input.trim().toUpperCase();
  let match = WITH_SLASH.exec(compact);
  if (match === null && !compact.includes("/")) {
    match = compact.length === 12 ? LONG_NO_SLASH.exec(compact) : SHORT_NO_SLASH.exec(compact);
  }
  if (match === null) {
    return invalid(
      "PNC_ID_FORMAT",
      "PNC ID must be a 4- or 2-digit year, an optional slash, a serial of up to 7 digits and a check letter (e.g. 2012/0001234X)",
    );
  }
  const [, yearPart = "", serialPart = "", letter = ""] = match;
  let year: number;
  if (yearPart.length === 4) {
    year = Number(yearPart);
    if (year < 1900 || year > 2099) {
      return invalid("PNC_ID_FORMAT", "PNC ID year must be a year from 1900 to 2099");
    }
  } else {
    const pivot = options.pivotYear ?? new Date().getUTCFullYear() % 100;
    year = expandTwoDigitYear(Number(yearPart), pivot);
  }
  if (!CHECK_LETTERS.includes(letter)) {
    return invalid("PNC_ID_CHECK_LETTER", "PNC ID check letter cannot be I, O or S");
  }
  const serial = Number(serialPart);
  const expected = pncCheckLetter(year, serial);
  if (letter !== expected) {
    return invalid(
      "PNC_ID_CHECK_LETTER",
      `PNC ID check letter does not match (expected ${expected})`,
    );
  }
  return valid(makePncId(year, serial));
}

export function isValidPncId(input: string, options: PncParseOptions = {}): boolean {
  return parsePncId(input, options).ok;
}

/** Long form YYYY/NNNNNNNC for a four-digit year and a serial of up to seven digits. */
export function makePncId(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1900 || year > 2099) {
    throw new RangeError("PNC ID year must be an integer from 1900 to 2099");
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9_999_999) {
    throw new RangeError("PNC ID serial must be an integer from 0 to 9999999");
  }
  return `${year}/${String(serial).padStart(7, "0")}${pncCheckLetter(year, serial)}`;
}
