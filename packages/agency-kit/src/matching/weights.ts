import type { AddressAgreement } from "./compare-addresses.js";
import type { DateOfBirthAgreement } from "./compare-dates.js";
import type { FamilyNameAgreement, GivenNameAgreement } from "./compare-names.js";

/**
 * Fellegi–Sunter weights: for each field and level of agreement, log2(m / u), where m is how often
 * a true match shows that level and u how often two different people in the same block do. The m
 * and u values are estimates for records of one area's population (names from a few thousand,
 * dates of birth spread over ninety years, a postcode per ~15 households) checked against the
 * synthetic world's noise rates; docs/matching.md lists them. A missing value weighs nothing.
 */
function weight(m: number, u: number): number {
  return Math.round(Math.log2(m / u) * 10) / 10;
}

export const STRONG_IDENTIFIER_WEIGHTS = {
  /** The agency's own key (NHS number, PNC ID, CRN), validated on both sides: nearly conclusive. */
  agree: weight(0.99, 0.000_001),
  /** Both hold one and they differ: a different person, or a duplicate record. */
  disagree: weight(0.02, 0.999),
  missing: 0,
} as const;

export const GIVEN_NAME_WEIGHTS: Record<GivenNameAgreement, number> = {
  exact: weight(0.85, 0.01),
  nickname: weight(0.05, 0.001),
  sounds_alike: weight(0.04, 0.004),
  spelled_alike: weight(0.04, 0.004),
  initial: weight(0.01, 0.005),
  disagree: weight(0.02, 0.98),
  missing: 0,
};

export const FAMILY_NAME_WEIGHTS: Record<FamilyNameAgreement, number> = {
  exact: weight(0.85, 0.005),
  alias: weight(0.06, 0.001),
  hyphen_part: weight(0.02, 0.0005),
  sounds_alike: weight(0.04, 0.003),
  spelled_alike: weight(0.03, 0.003),
  disagree: weight(0.03, 0.99),
  missing: 0,
};

export const DATE_OF_BIRTH_WEIGHTS: Record<DateOfBirthAgreement, number> = {
  exact: weight(0.93, 0.000_1),
  day_month_swapped: weight(0.02, 0.000_05),
  year_slip: weight(0.02, 0.000_2),
  day_slip: weight(0.02, 0.000_2),
  disagree: weight(0.01, 0.999),
  missing: 0,
};

export const ADDRESS_WEIGHTS: Record<AddressAgreement, number> = {
  same_address: weight(0.75, 0.000_1),
  same_postcode: weight(0.05, 0.000_5),
  postcode_typo: weight(0.03, 0.000_5),
  same_district: weight(0.08, 0.05),
  // People move and agencies update at different times: a different address says little.
  disagree: weight(0.12, 0.94),
  missing: 0,
};

export const SEX_WEIGHTS = {
  agree: weight(0.99, 0.5),
  disagree: weight(0.01, 0.5),
  missing: 0,
} as const;
