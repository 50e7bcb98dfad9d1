/**
 * Unique Pupil Number (English state schools): a check letter then twelve characters - a 3-digit LA
 * number, a 4-digit DfE establishment number, the last two digits of the year of issue and a 3-digit
 * serial. A temporary UPN replaces the last serial digit with a letter.
 *
 * Check letter: characters 2-13 weighted 2..13, summed, mod 23, mapped onto "ABCDEFGHJKLMNPQRTUVWXYZ"
 * (A = 0; I, O and S unused). A trailing letter in a temporary UPN counts as its index in that same
 * alphabet. Verified against the DfE/GovTalk data standard (UniquePupilNumber v2.0) and python-stdnum's
 * gb.upn (example B801200005001). The LA number is not checked against the list of LA codes: codes
 * change with local government reorganisation and a stale list would reject real pupils.
 */

import { type IdentifierResult, invalid, valid } from "./result.js";

export const UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

const SHAPE = /^([A-Z])(\d{11})([\dA-Z])$/;

/** Check letter for the twelve characters after it. */
export function upnCheckLetter(twelve: string): string {
  if (!/^\d{11}[\dA-Z]$/.test(twelve)) {
    throw new TypeError("upnCheckLetter expects eleven digits and a final digit or letter");
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = twelve.charAt(i);
    const value = ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : UPN_ALPHABET.indexOf(ch);
    sum += value * (i + 2);
  }
  return UPN_ALPHABET.charAt(sum % 23);
}

export function parseUpn(input: string): IdentifierResult {
  const compact = input.trim().toUpperCase().replace(/\s+/g, "");
  const match = SHAPE.exec(compact);
  if (match === null) {
    if (compact.length !== 13) {
      return invalid("UPN_FORMAT", `UPN must be 13 characters (found ${compact.length})`);
    }
    return invalid(
      "UPN_FORMAT",
      "UPN must be a check letter, eleven digits and a final digit or letter",
    );
  }
  const [, letter = "", , last = ""] = match;
  if (!UPN_ALPHABET.includes(letter)) {
    return invalid("UPN_CHECK_LETTER", "UPN check letter cannot be I, O or S");
  }
  if (last >= "A" && !UPN_ALPHABET.includes(last)) {
    return invalid("UPN_FORMAT", "A temporary UPN cannot end in I, O or S");
  }
  const expected = upnCheckLetter(compact.slice(1));
  if (letter !== expected) {
    return invalid("UPN_CHECK_LETTER", `UPN check letter does not match (expected ${expected})`);
  }
  return valid(compact);
}

export function isValidUpn(input: string): boolean {
  return parseUpn(input).ok;
}

/** A permanent UPN. */
export function makeUpn(
  laCode: number,
  establishment: number,
  year: number,
  serial: number,
): string {
  if (!Number.isInteger(laCode) || laCode < 100 || laCode > 999) {
    throw new RangeError("UPN LA code must be a three-digit integer");
  }
  if (!Number.isInteger(establishment) || establishment < 0 || establishment > 9999) {
    throw new RangeError("UPN establishment number must be an integer from 0 to 9999");
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) {
    throw new RangeError("UPN serial must be an integer from 0 to 999");
  }
  const twelve = `${laCode}${String(establishment).padStart(4, "0")}${String(year % 100).padStart(2, "0")}${String(serial).padStart(3, "0")}`;
  return `${upnCheckLetter(twelve)}${twelve}`;
}
