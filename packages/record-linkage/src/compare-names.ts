import type { MatchIdentity } from "./identity.js";
import { soundAlike, spelledAlike } from "./name-variants.js";
import { areNicknames } from "./nicknames.js";
import { nameParts } from "./normalise-name.js";
import { type PreparedIdentity, prepared } from "./prepared-identity.js";
import { isShortForm } from "./short-forms.js";
import { FAMILY_NAME_WEIGHTS, GIVEN_NAME_WEIGHTS, NAME_ORDER_WEIGHTS } from "./weights.js";

/** How well two given names agree. */
export type GivenNameAgreement =
  | "exact"
  | "nickname"
  | "sounds_alike"
  | "spelled_alike"
  | "short_form"
  | "middle_name"
  | "initial"
  | "disagree"
  | "missing";

/** How well two family names agree. */
export type FamilyNameAgreement =
  | "exact"
  | "alias"
  | "hyphen_part"
  | "sounds_alike"
  | "spelled_alike"
  | "disagree"
  | "missing";

/** Whether the names were compared as recorded, or given name against family name and back. */
export type NameOrderAgreement = "as_recorded" | "swapped";

export interface NameAgreement {
  given: GivenNameAgreement;
  family: FamilyNameAgreement;
  order: NameOrderAgreement;
}

/** Two single given names (or a given name and a middle name). */
export function compareGivenName(a: string, b: string): GivenNameAgreement {
  if (a === b) return "exact";
  if (areNicknames(a, b)) return "nickname";
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return "initial";
  if (soundAlike(a, b)) return "sounds_alike";
  if (spelledAlike(a, b)) return "spelled_alike";
  if (isShortForm(a, b)) return "short_form";
  return "disagree";
}

/** Two single family names. */
export function compareFamilyName(a: string, b: string): FamilyNameAgreement {
  if (a === b) return "exact";
  const partsA = nameParts(a);
  const partsB = nameParts(b);
  if ((partsA.length > 1 || partsB.length > 1) && partsA.some((part) => partsB.includes(part))) {
    return "hyphen_part";
  }
  if (soundAlike(a, b)) return "sounds_alike";
  if (spelledAlike(a, b)) return "spelled_alike";
  return "disagree";
}

function bestGiven(namesA: readonly string[], namesB: readonly string[]): GivenNameAgreement {
  if (namesA.length === 0 || namesB.length === 0) return "missing";
  let best: GivenNameAgreement = "disagree";
  for (const a of namesA) {
    for (const b of namesB) {
      const level = compareGivenName(a, b);
      if (GIVEN_NAME_WEIGHTS[level] > GIVEN_NAME_WEIGHTS[best]) best = level;
      if (best === "exact") return best;
    }
  }
  return best;
}

/**
 * The given names either side knows the person by (aliases included: a nominal recorded as "Billy"
 * is the subject "William"), and, failing those, the one side's given name against the other's
 * middle names: a person who goes by a middle name.
 */
function givenAgreement(a: PreparedIdentity, b: PreparedIdentity): GivenNameAgreement {
  const direct = bestGiven(a.givenNames, b.givenNames);
  if (direct !== "disagree") return direct;
  const viaMiddle = [
    bestGiven(a.givenNames, b.middleNames),
    bestGiven(a.middleNames, b.givenNames),
  ];
  // Through a middle name only a full agreement counts: an initial or a sound-alike is too weak.
  return viaMiddle.some((level) => level === "exact" || level === "nickname")
    ? "middle_name"
    : "disagree";
}

/**
 * The family names: the recorded ones agreeing is `exact`; agreement through an alias on either
 * side (a previous or later surname) is `alias`, strong but a little weaker.
 */
function familyAgreement(
  familiesA: readonly string[],
  currentA: string,
  familiesB: readonly string[],
  currentB: string,
): FamilyNameAgreement {
  if (familiesA.length === 0 || familiesB.length === 0) return "missing";
  if (currentA.length > 0 && currentA === currentB) return "exact";
  let best: FamilyNameAgreement = "disagree";
  for (const a of familiesA) {
    for (const b of familiesB) {
      const pair = compareFamilyName(a, b);
      const level = pair === "exact" ? "alias" : pair;
      if (FAMILY_NAME_WEIGHTS[level] > FAMILY_NAME_WEIGHTS[best]) best = level;
    }
  }
  return best;
}

function weightOf(agreement: NameAgreement): number {
  return (
    GIVEN_NAME_WEIGHTS[agreement.given] +
    FAMILY_NAME_WEIGHTS[agreement.family] +
    NAME_ORDER_WEIGHTS[agreement.order]
  );
}

/**
 * Compares the names of two people: as recorded, and crosswise (one agency's given name against the
 * other's family name, and back), since forms filled in the wrong order are common. The crosswise
 * reading is taken only when it explains the names better.
 */
export function compareNames(a: MatchIdentity, b: MatchIdentity): NameAgreement {
  const sideA = prepared(a);
  const sideB = prepared(b);
  const asRecorded: NameAgreement = {
    given: givenAgreement(sideA, sideB),
    family: familyAgreement(
      sideA.familyNames,
      sideA.familyName,
      sideB.familyNames,
      sideB.familyName,
    ),
    order: "as_recorded",
  };
  if (asRecorded.given === "exact" && asRecorded.family === "exact") return asRecorded;
  const swapped: NameAgreement = {
    given: bestGiven(sideA.givenNames, sideB.familyNames),
    family: familyAgreement(
      sideA.familyNames,
      sideA.familyName,
      sideB.givenNames,
      sideB.givenNames[0] ?? "",
    ),
    order: "swapped",
  };
  return weightOf(swapped) > weightOf(asRecorded) ? swapped : asRecorded;
}

/** The given-name agreement alone (as recorded). */
export function compareGivenNames(a: MatchIdentity, b: MatchIdentity): GivenNameAgreement {
  return givenAgreement(prepared(a), prepared(b));
}

/** The family-name agreement alone (as recorded). */
export function compareFamilyNames(a: MatchIdentity, b: MatchIdentity): FamilyNameAgreement {
  const sideA = prepared(a);
  const sideB = prepared(b);
  return familyAgreement(sideA.familyNames, sideA.familyName, sideB.familyNames, sideB.familyName);
}
