import { normaliseName } from "./normalise-name.js";

/** How well two addresses agree, strongest first. */
export type AddressAgreement =
  | "same_address"
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
 * Compares two addresses. The same postcode and first line is one household; the same postcode a
 * street; one character apart a typo; the same outward code the same district. A different address
 * is weak evidence against a match: people move, and agencies update addresses at different times.
 */
export function compareAddresses(a: AddressSide, b: AddressSide): AddressAgreement {
  const postcodeA = normalisePostcode(a.postcode);
  const postcodeB = normalisePostcode(b.postcode);
  if (postcodeA.length === 0 || postcodeB.length === 0) return "missing";
  if (postcodeA === postcodeB) {
    const lineA = normaliseName(a.addressLine1);
    return lineA.length > 0 && lineA === normaliseName(b.addressLine1)
      ? "same_address"
      : "same_postcode";
  }
  if (oneCharacterApart(postcodeA, postcodeB)) return "postcode_typo";
  if (postcodeA.split(" ")[0] === postcodeB.split(" ")[0]) return "same_district";
  return "disagree";
}
