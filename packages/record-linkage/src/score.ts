import { type AddressAgreement, compareNormalisedAddresses } from "./compare-addresses.js";
import { compareYmd, type DateOfBirthAgreement } from "./compare-dates.js";
import { compareMiddleNames, type MiddleNameAgreement } from "./compare-middle-names.js";
import {
  compareNames,
  type FamilyNameAgreement,
  type GivenNameAgreement,
  type NameOrderAgreement,
} from "./compare-names.js";
import type { MatchIdentity } from "./identity.js";
import { prepared } from "./prepared-identity.js";
import {
  ADDRESS_WEIGHTS,
  DATE_OF_BIRTH_WEIGHTS,
  FAMILY_NAME_WEIGHTS,
  GIVEN_NAME_WEIGHTS,
  MIDDLE_NAME_WEIGHTS,
  NAME_ORDER_WEIGHTS,
  SEX_WEIGHTS,
  STRONG_IDENTIFIER_WEIGHTS,
} from "./weights.js";

export type MatchField =
  | "strong_identifier"
  | "given_name"
  | "family_name"
  | "name_order"
  | "middle_names"
  | "date_of_birth"
  | "address"
  | "sex";

/** One field's part in a score: how the two sides agreed and what that weighed. */
export interface MatchReason {
  field: MatchField;
  agreement:
    | GivenNameAgreement
    | FamilyNameAgreement
    | NameOrderAgreement
    | MiddleNameAgreement
    | DateOfBirthAgreement
    | AddressAgreement
    | "agree";
  weight: number;
}

export interface PairScore {
  /** The sum of the fields' weights (log2 likelihood ratio), to one decimal. */
  score: number;
  /** Every field compared, including those missing on a side (weight 0). */
  reasons: MatchReason[];
}

function compareStrongIdentifier(a: string | null, b: string | null): MatchReason {
  if (!a || !b) return { field: "strong_identifier", agreement: "missing", weight: 0 };
  return a === b
    ? { field: "strong_identifier", agreement: "agree", weight: STRONG_IDENTIFIER_WEIGHTS.agree }
    : {
        field: "strong_identifier",
        agreement: "disagree",
        weight: STRONG_IDENTIFIER_WEIGHTS.disagree,
      };
}

function compareSex(a: string | null, b: string | null): MatchReason {
  if (!a || !b) return { field: "sex", agreement: "missing", weight: 0 };
  return a === b
    ? { field: "sex", agreement: "agree", weight: SEX_WEIGHTS.agree }
    : { field: "sex", agreement: "disagree", weight: SEX_WEIGHTS.disagree };
}

/** Scores one pair: the MASH subject against one agency record. Pure; each side is prepared once. */
export function scorePair(subject: MatchIdentity, record: MatchIdentity): PairScore {
  const a = prepared(subject);
  const b = prepared(record);
  const names = compareNames(subject, record);
  // When one side goes by a middle name, the middle names were compared with the given names.
  const middle =
    names.given === "middle_name" || names.order === "swapped"
      ? "missing"
      : compareMiddleNames(a.middleNames, b.middleNames);
  const dateOfBirth = compareYmd(a.dateOfBirth, b.dateOfBirth);
  const address = compareNormalisedAddresses(a.addressLine, a.postcode, b.addressLine, b.postcode);
  const reasons: MatchReason[] = [
    compareStrongIdentifier(a.strongIdentifier, b.strongIdentifier),
    { field: "given_name", agreement: names.given, weight: GIVEN_NAME_WEIGHTS[names.given] },
    { field: "family_name", agreement: names.family, weight: FAMILY_NAME_WEIGHTS[names.family] },
  ];
  if (names.order === "swapped") {
    reasons.push({ field: "name_order", agreement: "swapped", weight: NAME_ORDER_WEIGHTS.swapped });
  }
  reasons.push(
    { field: "middle_names", agreement: middle, weight: MIDDLE_NAME_WEIGHTS[middle] },
    { field: "date_of_birth", agreement: dateOfBirth, weight: DATE_OF_BIRTH_WEIGHTS[dateOfBirth] },
    { field: "address", agreement: address, weight: ADDRESS_WEIGHTS[address] },
    compareSex(a.sex, b.sex),
  );
  const score = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { score: Math.round(score * 10) / 10, reasons };
}

/** The agreement a pair's reasons record for one field ("missing" when the field was not compared). */
export function agreementOf(pair: PairScore, field: MatchField): MatchReason["agreement"] {
  return pair.reasons.find((reason) => reason.field === field)?.agreement ?? "missing";
}
