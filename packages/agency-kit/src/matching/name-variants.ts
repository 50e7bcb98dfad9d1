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

/** Whether two normalised names are one slip apart (or a variant spelling). */
export function spelledAlike(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return jaroWinkler(a, b) >= SIMILAR_SPELLING;
}
