/**
 * NHS number (England, Wales, Isle of Man): ten digits, written 3 3 4, the last a Modulus 11 check
 * digit. Weights 10..2 apply to digits 1-9; check = 11 - (sum mod 11); 11 becomes 0; 10 means no
 * number with those nine digits can exist.
 *
 * Decision: numbers made of one repeated digit (0000000000, 4444444444, ...) pass the modulus check
 * for every digit (55 x d is always a multiple of 11) but are what systems type when the real number
 * is unknown. Accepting them would let unrelated placeholder records match each other, so they are
 * rejected with their own code, NHS_NUMBER_PLACEHOLDER.
 *
 * Synthetic data uses only 999 000 0000 - 999 999 9999, a range reserved for test data and never issued
 * to a patient.
 */

import { type IdentifierResult, invalid, valid } from "./result.js";

const SHAPE = /^\d{3}[ -]?\d{3}[ -]?\d{4}$/;
const REPEATED_DIGIT = /^(\d)\1{9}$/;

/**
 * The check digit for the first nine digits, or null when the weighted sum gives 10 (no valid NHS
 * number starts with those nine digits).
 */
export function nhsCheckDigit(first9: string): number | null {
  if (!/^\d{9}$/.test(first9)) {
    throw new TypeError("nhsCheckDigit expects exactly nine digits");
  }
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    sum += (first9.charCodeAt(i) - 48) * (10 - i);
  }
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function parseNhsNumber(input: string): IdentifierResult {
  const trimmed = input.trim();
  if (!SHAPE.test(trimmed)) {
    const digitCount = trimmed.replace(/\D/g, "").length;
    if (/[^\d\s-]/.test(trimmed)) {
      return invalid(
        "NHS_NUMBER_FORMAT",
        "NHS number must contain only digits (spaces or hyphens allowed between groups)",
      );
    }
    if (digitCount !== 10) {
      return invalid("NHS_NUMBER_FORMAT", `NHS number must be 10 digits (found ${digitCount})`);
    }
    return invalid(
      "NHS_NUMBER_FORMAT",
      "NHS number must be written as 10 digits or in 3 3 4 groups",
    );
  }
  const digits = trimmed.replace(/[ -]/g, "");
  if (REPEATED_DIGIT.test(digits)) {
    return invalid(
      "NHS_NUMBER_PLACEHOLDER",
      "NHS number is a placeholder (one digit repeated), not a real NHS number",
    );
  }
  const expected = nhsCheckDigit(digits.slice(0, 9));
  if (expected === null) {
    return invalid(
      "NHS_NUMBER_CHECK_DIGIT",
      "NHS number is not valid: no check digit is possible for its first nine digits",
    );
  }
  if (digits.charCodeAt(9) - 48 !== expected) {
    return invalid(
      "NHS_NUMBER_CHECK_DIGIT",
      `NHS number check digit does not match (expected ${expected})`,
    );
  }
  return valid(digits);
}

export function isValidNhsNumber(input: string): boolean {
  return parseNhsNumber(input).ok;
}

/** "943 476 5919". Input that is not a valid NHS number is returned trimmed but otherwise untouched, so
 * a display never makes a wrong number look authoritative. */
export function formatNhsNumber(input: string): string {
  const result = parseNhsNumber(input);
  if (!result.ok) return input.trim();
  const d = result.value;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

/** The full ten-digit number for nine leading digits, or null when no check digit exists. */
export function makeNhsNumber(first9Digits: string): string | null {
  const check = nhsCheckDigit(first9Digits);
  if (check === null || REPEATED_DIGIT.test(`${first9Digits}${check}`)) return null;
  return `${first9Digits}${check}`;
}
