/**
 * Criminal Records Office number, same modulus-23 check letter as the PNC ID.
 *
 * - Standard form NNNNNN/YYC: a serial of one to six digits, a two-digit year and a check letter. The
 *   check is over YY followed by the serial zero-padded to six digits; the canonical form pads the
 *   serial to six digits.
 * - SF form SFYY/NNNNNNC ("SF" marks a fingerprint-only record): two-digit year, a serial of one to six
 *   digits and a check letter. The check is over YY followed by the serial exactly as written, without
 *   padding, so the canonical form keeps the serial as written.
 *
 * Source for both rules: the Ministry of Justice's public person-record service (hmpps-person-record,
 * CROIdentifier), which is the canonicaliser used across HMPPS. domain.md only says "same 23-letter
 * check"; the SF rule (no padding) differs from the seven-digit padding one might guess from the PNC.
 * The slash is required in the standard form (without it serial and year cannot be told apart) and
 * optional in the SF form.
 */

import { CHECK_LETTERS, checkLetterForDigits } from "./check-letter.js";
import { type IdentifierResult, invalid, valid } from "./result.js";

const STANDARD = /^(\d{1,6})\/(\d{2})([A-Z])$/;
const SF = /^SF(\d{2})\/?(\d{1,6})([A-Z])$/;

function twoDigits(year: number): string {
  return String(year % 100).padStart(2, "0");
}

export function croCheckLetter(year: number, serial: number): string {
  return checkLetterForDigits(`${twoDigits(year)}${String(serial).padStart(6, "0")}`);
}

/** `serial` is the digit string as written; its leading zeros change the check letter. */
export function sfCroCheckLetter(year: number, serial: string): string {
  return checkLetterForDigits(`${twoDigits(year)}${serial}`);
}

export function parseCroNumber(input: string): IdentifierResult {
  const compact = input.trim().toUpperCase();
  const standard = STANDARD.exec(compact);
  if (standard !== null) {
    const [, serialPart = "", yearPart = "", letter = ""] = standard;
    const serial = Number(serialPart);
    const expected = croCheckLetter(Number(yearPart), serial);
    if (letter !== expected) return checkLetterError(letter, expected);
    return valid(`${serialPart.padStart(6, "0")}/${yearPart}${letter}`);
  }
  const sf = SF.exec(compact);
  if (sf !== null) {
    const [, yearPart = "", serialPart = "", letter = ""] = sf;
    const expected = sfCroCheckLetter(Number(yearPart), serialPart);
    if (letter !== expected) return checkLetterError(letter, expected);
    return valid(`SF${yearPart}/${serialPart}${letter}`);
  }
  return invalid(
    "CRO_NUMBER_FORMAT",
    "CRO number must be NNNNNN/YYC (serial of up to 6 digits, 2-digit year, check letter) or SFYY/NNNNNNC",
  );
}

function checkLetterError(letter: string, expected: string): IdentifierResult {
  if (!CHECK_LETTERS.includes(letter)) {
    return invalid("CRO_NUMBER_CHECK_LETTER", "CRO number check letter cannot be I, O or S");
  }
  return invalid(
    "CRO_NUMBER_CHECK_LETTER",
    `CRO number check letter does not match (expected ${expected})`,
  );
}

export function isValidCroNumber(input: string): boolean {
  return parseCroNumber(input).ok;
}

/** Standard form NNNNNN/YYC. */
export function makeCroNumber(serial: number, year: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) {
    throw new RangeError("CRO serial must be an integer from 1 to 999999");
  }
  return `${String(serial).padStart(6, "0")}/${twoDigits(year)}${croCheckLetter(year, serial)}`;
}

/** SF form SFYY/NNNNNNC; the serial is written without padding. */
export function makeSfCroNumber(year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) {
    throw new RangeError("CRO serial must be an integer from 1 to 999999");
  }
  const written = String(serial);
  return `SF${twoDigits(year)}/${written}${sfCroCheckLetter(year, written)}`;
}
