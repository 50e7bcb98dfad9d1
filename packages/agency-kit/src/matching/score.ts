import { type AddressAgreement, compareAddresses } from "./compare-addresses.js";
import { compareDatesOfBirth, type DateOfBirthAgreement } from "./compare-dates.js";
import {
  compareFamilyNames,
  compareGivenNames,
  type FamilyNameAgreement,
  type GivenNameAgreement,
} from "./compare-names.js";
import type { MatchIdentity } from "./identity.js";
import {
  ADDRESS_WEIGHTS,
  DATE_OF_BIRTH_WEIGHTS,
  FAMILY_NAME_WEIGHTS,
  GIVEN_NAME_WEIGHTS,
  SEX_WEIGHTS,
  STRONG_IDENTIFIER_WEIGHTS,
} from "./weights.js";

export type MatchField =
  | "strong_identifier"
  | "given_name"
  | "family_name"
  | "date_of_birth"
  | "address"
  | "sex";

/** One field's part in a score: how the two sides agreed and what that weighed. */
export interface MatchReason {
  field: MatchField;
  agreement:
    | GivenNameAgreement
    | FamilyNameAgreement
    | DateOfBirthAgreement
    | AddressAgreement
    | "agree";
  weight: number;
}

export interface PairScore {
  /** The sum of the fields' weights (log2 likelihood ratio). */
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
  return a.toLowerCase() === b.toLowerCase()
    ? { field: "sex", agreement: "agree", weight: SEX_WEIGHTS.agree }
    : { field: "sex", agreement: "disagree", weight: SEX_WEIGHTS.disagree };
}

/** Scores one pair: the MASH subject against one agency record. Pure and allocation-light. */
export function scorePair(subject: MatchIdentity, record: MatchIdentity): PairScore {
  const given = compareGivenNames(subject, record);
  const family = compareFamilyNames(subject, record);
  const dateOfBirth = compareDatesOfBirth(subject.dateOfBirth, record.dateOfBirth);
  const address = compareAddresses(subject, record);
  const reasons: MatchReason[] = [
    compareStrongIdentifier(subject.strongIdentifier, record.strongIdentifier),
    { field: "given_name", agreement: given, weight: GIVEN_NAME_WEIGHTS[given] },
    { field: "family_name", agreement: family, weight: FAMILY_NAME_WEIGHTS[family] },
    { field: "date_of_birth", agreement: dateOfBirth, weight: DATE_OF_BIRTH_WEIGHTS[dateOfBirth] },
    { field: "address", agreement: address, weight: ADDRESS_WEIGHTS[address] },
    compareSex(subject.sex, record.sex),
  ];
  const score = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { score: Math.round(score * 10) / 10, reasons };
}
