import type { MatchIdentity } from "./identity.js";
import { soundAlike, spelledAlike } from "./name-variants.js";
import { areNicknames } from "./nicknames.js";
import { nameParts, normaliseName } from "./normalise-name.js";

/** How well two given names agree, strongest first. */
export type GivenNameAgreement =
  | "exact"
  | "nickname"
  | "sounds_alike"
  | "spelled_alike"
  | "initial"
  | "disagree"
  | "missing";

/** How well two family names agree, strongest first. */
export type FamilyNameAgreement =
  | "exact"
  | "alias"
  | "hyphen_part"
  | "sounds_alike"
  | "spelled_alike"
  | "disagree"
  | "missing";

function givenPair(a: string, b: string): GivenNameAgreement {
  if (a === b) return "exact";
  if (areNicknames(a, b)) return "nickname";
  if (soundAlike(a, b)) return "sounds_alike";
  if (spelledAlike(a, b)) return "spelled_alike";
  if ((a.length === 1 || b.length === 1) && a[0] === b[0]) return "initial";
  return "disagree";
}

const GIVEN_ORDER: readonly GivenNameAgreement[] = [
  "exact",
  "nickname",
  "sounds_alike",
  "spelled_alike",
  "initial",
  "disagree",
];

function better<T>(order: readonly T[], a: T, b: T): T {
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}

function givenNamesOf(person: MatchIdentity): string[] {
  const names = [person.givenName, ...person.aliases.map((alias) => alias.givenName)];
  return [...new Set(names.map(normaliseName).filter((name) => name.length > 0))];
}

/**
 * The best agreement between any given name either side knows the person by (aliases included): a
 * nominal recorded as "Billy" is the subject "William".
 */
export function compareGivenNames(a: MatchIdentity, b: MatchIdentity): GivenNameAgreement {
  const namesA = givenNamesOf(a);
  const namesB = givenNamesOf(b);
  if (namesA.length === 0 || namesB.length === 0) return "missing";
  let best: GivenNameAgreement = "disagree";
  for (const nameA of namesA) {
    for (const nameB of namesB) {
      best = better(GIVEN_ORDER, best, givenPair(nameA, nameB));
      if (best === "exact") return best;
    }
  }
  return best;
}

function familyPair(a: string, b: string): FamilyNameAgreement {
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

const FAMILY_ORDER: readonly FamilyNameAgreement[] = [
  "exact",
  "alias",
  "hyphen_part",
  "sounds_alike",
  "spelled_alike",
  "disagree",
];

/**
 * The best agreement between the family names. An exact agreement through an alias (a previous
 * surname on either side) counts as `alias`: strong, but a little weaker than the current names.
 */
export function compareFamilyNames(a: MatchIdentity, b: MatchIdentity): FamilyNameAgreement {
  const currentA = normaliseName(a.familyName);
  const currentB = normaliseName(b.familyName);
  const allA = [currentA, ...a.aliases.map((alias) => normaliseName(alias.familyName))];
  const allB = [currentB, ...b.aliases.map((alias) => normaliseName(alias.familyName))];
  const namesA = [...new Set(allA.filter((name) => name.length > 0))];
  const namesB = [...new Set(allB.filter((name) => name.length > 0))];
  if (namesA.length === 0 || namesB.length === 0) return "missing";
  if (currentA.length > 0 && currentA === currentB) return "exact";
  let best: FamilyNameAgreement = "disagree";
  for (const nameA of namesA) {
    for (const nameB of namesB) {
      const pair = familyPair(nameA, nameB);
      best = better(FAMILY_ORDER, best, pair === "exact" ? "alias" : pair);
    }
  }
  return best;
}
