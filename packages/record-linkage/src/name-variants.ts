import { jaroWinkler } from "@skyra/jaro-winkler";
import { doubleMetaphone } from "double-metaphone";

/**
 * How close two spellings of a name are, beyond exact equality: the same sound (Double Metaphone,
 * which also absorbs most transliterations: MOHAMMED/MUHAMMAD, ALEKSANDER/ALEXANDER) or a small
 * slip of the keyboard (Jaro-Winkler).
 */

/** Jaro-Winkler at or above this is a typo or a variant spelling, not a different name. */
export const SIMILAR_SPELLING = 0.9;

const phoneticCache = new Map<string, readonly [string, string]>();

/** Double Metaphone codes of a normalised name; cached, because names repeat endlessly. */
export function phoneticCodes(name: string): readonly [string, string] {
  const cached = phoneticCache.get(name);
  if (cached) return cached;
  const codes = doubleMetaphone(name);
  if (phoneticCache.size < 100_000) phoneticCache.set(name, codes);
  return codes;
}

/** Whether two normalised names sound alike: any Double Metaphone code in common. */
export function soundAlike(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [a1, a2] = phoneticCodes(a);
  const [b1, b2] = phoneticCodes(b);
  if (a1.length === 0 || b1.length === 0) return false;
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2.length > 0 && a2 === b2);
}

/**
 * Whether two strings are one keystroke apart: one letter changed, added or dropped, or two
 * neighbours swapped (Damerau's single edit). Short names with a slip ("NPAH" for NOAH) fall below
 * any useful Jaro–Winkler threshold, so the edit is counted directly.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  if (a.length === b.length) {
    if (a.slice(start + 1) === b.slice(start + 1)) return true;
    return (
      a[start] === b[start + 1] &&
      a[start + 1] === b[start] &&
      a.slice(start + 2) === b.slice(start + 2)
    );
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return shorter.slice(start) === longer.slice(start + 1);
}

/** Names this short are too alike by chance for one edit to mean one name (ANN/AN, JO/JOE). */
const SHORTEST_FOR_ONE_EDIT = 4;

/** Whether two normalised names are one slip apart (or a variant spelling). */
export function spelledAlike(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (Math.min(a.length, b.length) >= SHORTEST_FOR_ONE_EDIT && oneEditApart(a, b)) return true;
  return jaroWinkler(a, b) >= SIMILAR_SPELLING;
}
