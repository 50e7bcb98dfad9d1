import { spelledAlike } from "./name-variants.js";
import { normaliseAddressLine } from "./street-types.js";

/** How well two addresses agree, strongest first. */
export type AddressAgreement =
  | "same_address"
  | "same_line"
  | "same_postcode"
  | "postcode_typo"
  | "same_district"
  | "disagree"
  | "missing";

/** The canonical form of a UK postcode: upper case, one space before the three-character inward code. */
export function normalisePostcode(postcode: string | null | undefined): string {
  if (!postcode) return "";
  const compact = postcode.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

function oneCharacterApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

export interface AddressSide {
  addressLine1: string | null;
  postcode: string | null;
}

/**
 * The house number and street of a normalised line: from its last word with a digit on ("FLAT 2
 * 14 ELM ROAD" → 14 ELM ROAD), since one agency records the flat and another only the building.
 */
export function streetPart(normalisedLine: string): string {
  const words = normalisedLine.split(" ");
  let last = -1;
  words.forEach((word, index) => {
    if (/\d/.test(word)) last = index;
  });
  return last <= 0 ? normalisedLine : words.slice(last).join(" ");
}

/** Whether two normalised address lines name one place: the same, or the same number on a street spelled alike. */
export function sameAddressLine(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (a === b) return true;
  const streetA = streetPart(a);
  const streetB = streetPart(b);
  if (streetA === streetB) return true;
  const [numberA, ...nameA] = streetA.split(" ");
  const [numberB, ...nameB] = streetB.split(" ");
  if (!numberA || numberA !== numberB || !/\d/.test(numberA)) return false;
  // ELM ROAD and ELM GROVE are two streets: the street type must agree, the name may be misspelt.
  if (nameA.length === 0 || nameA[nameA.length - 1] !== nameB[nameB.length - 1]) return false;
  return spelledAlike(nameA.join(" "), nameB.join(" "));
}

function comparePostcodes(a: string, b: string): AddressAgreement {
  if (a === b) return "same_postcode";
  if (oneCharacterApart(a, b)) return "postcode_typo";
  if (a.split(" ")[0] === b.split(" ")[0]) return "same_district";
  return "disagree";
}

/**
 * Compares two addresses after normalising them (street types written out, postcode spacing): the
 * same line at the same postcode (or one a typo of the other) is one household; the same line where
 * one side has no postcode nearly so; the same postcode a street; one character apart a typo; the
 * same outward code the same district. A different address is weak evidence against a match: people
 * move, and agencies update addresses at different times.
 */
export function compareAddresses(a: AddressSide, b: AddressSide): AddressAgreement {
  return compareNormalisedAddresses(
    normaliseAddressLine(a.addressLine1),
    normalisePostcode(a.postcode),
    normaliseAddressLine(b.addressLine1),
    normalisePostcode(b.postcode),
  );
}

/** `compareAddresses` on lines and postcodes already normalised (the matcher prepares each side once). */
export function compareNormalisedAddresses(
  lineA: string,
  postcodeA: string,
  lineB: string,
  postcodeB: string,
): AddressAgreement {
  const sameLine = sameAddressLine(lineA, lineB);
  if (postcodeA.length === 0 || postcodeB.length === 0) return sameLine ? "same_line" : "missing";
  const postcodes = comparePostcodes(postcodeA, postcodeB);
  if (sameLine && (postcodes === "same_postcode" || postcodes === "postcode_typo")) {
    return "same_address";
  }
  return postcodes;
}
