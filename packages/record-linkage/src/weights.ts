import type { AddressAgreement } from "./compare-addresses.js";
import type { DateOfBirthAgreement } from "./compare-dates.js";
import type { MiddleNameAgreement } from "./compare-middle-names.js";
import type {
  FamilyNameAgreement,
  GivenNameAgreement,
  NameOrderAgreement,
} from "./compare-names.js";

/**
 * Fellegi–Sunter weights: for each field and level of agreement, log2(m / u), where m is how often
 * a true match shows that level and u how often two different people in the same block do. The m
 * and u values are estimates for records of one area's population (names from a few thousand,
 * dates of birth spread over ninety years, a postcode per ~15 households); docs/matching.md lists
 * them with the quality they give. A missing value weighs nothing.
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
  // By rule, not by table: two different names share a start more often than a nickname pairing.
  short_form: weight(0.03, 0.006),
  // The person goes by a middle name on one side.
  middle_name: weight(0.02, 0.004),
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
  // Surnames change (marriage, divorce, adoption, a stepfather's name) more often than other names.
  disagree: weight(0.05, 0.99),
  missing: 0,
};

/**
 * Crosswise names are about as telling as names in order: two different people rarely have each
 * other's names the other way round. The small penalty pays for having looked twice.
 */
export const NAME_ORDER_WEIGHTS: Record<NameOrderAgreement, number> = {
  as_recorded: 0,
  swapped: -1,
};

export const MIDDLE_NAME_WEIGHTS: Record<MiddleNameAgreement, number> = {
  agree: weight(0.9, 0.03),
  initial: weight(0.05, 0.04),
  disagree: weight(0.05, 0.93),
  missing: 0,
};

export const DATE_OF_BIRTH_WEIGHTS: Record<DateOfBirthAgreement, number> = {
  exact: weight(0.93, 0.000_1),
  day_month_swapped: weight(0.02, 0.000_05),
  year_slip: weight(0.02, 0.000_3),
  day_slip: weight(0.02, 0.000_3),
  disagree: weight(0.01, 0.999),
  missing: 0,
};

export const ADDRESS_WEIGHTS: Record<AddressAgreement, number> = {
  same_address: weight(0.7, 0.000_1),
  // The same line where one side has no postcode: "14 High Street" exists in many towns.
  same_line: weight(0.03, 0.000_5),
  same_postcode: weight(0.05, 0.000_5),
  postcode_typo: weight(0.03, 0.000_5),
  same_district: weight(0.08, 0.05),
  // People move and agencies update at different times: a different address says little.
  disagree: weight(0.2, 0.94),
  missing: 0,
};

export const SEX_WEIGHTS = {
  agree: weight(0.99, 0.5),
  disagree: weight(0.01, 0.5),
  missing: 0,
} as const;
