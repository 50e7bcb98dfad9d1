/**
 * The modulus-23 check letter shared by the Police National Computer ID and the Criminal Records
 * Office number. The alphabet leaves out I, O and S (easily misread as 1, 0 and 5), which is why it
 * has 23 letters; index 0 is Z.
 */

export const CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";

/**
 * Check letter for a string of decimal digits read as one integer. Works digit by digit so that long
 * digit strings never lose precision.
 */
export function checkLetterForDigits(digits: string): string {
  if (!/^\d+$/.test(digits)) {
    throw new TypeError("checkLetterForDigits expects a non-empty string of digits");
  }
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    remainder = (remainder * 10 + (digits.charCodeAt(i) - 48)) % CHECK_LETTERS.length;
  }
  return CHECK_LETTERS.charAt(remainder);
}
