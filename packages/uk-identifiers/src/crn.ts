/**
 * nDelius case reference number: one letter and six digits. It has no check character, so a mistyped
 * CRN can only be caught by shape.
 */

import { type IdentifierResult, invalid, valid } from "./result.js";

const CRN = /^[A-Z]\d{6}$/;

export function parseCrn(input: string): IdentifierResult {
  const compact = input.trim().toUpperCase();
  if (!CRN.test(compact)) {
    return invalid("CRN_FORMAT", "CRN must be one letter followed by six digits (e.g. X123456)");
  }
  return valid(compact);
}

export function isValidCrn(input: string): boolean {
  return parseCrn(input).ok;
}

export function makeCrn(letter: string, serial: number): string {
  if (!/^[A-Z]$/.test(letter)) throw new RangeError("CRN letter must be one capital letter");
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) {
    throw new RangeError("CRN serial must be an integer from 0 to 999999");
  }
  return `${letter}${String(serial).padStart(6, "0")}`;
}
