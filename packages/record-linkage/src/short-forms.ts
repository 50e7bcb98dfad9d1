import { phoneticCodes } from "./name-variants.js";

/**
 * Short forms and diminutives that no table lists: most are made by rule. A short form keeps the
 * start of the name (CHRIS, ALEX, SAM, ZAK), often with a diminutive ending (DANNY, FREDDIE,
 * KATIE, ABBIE), or keeps its end (BETH, LIAM, TINA); spoken short forms keep its first sounds
 * (JIM for JAMES, TOM for THOMAS). Agreement by rule is weaker evidence than a conventional
 * nickname, and is weighted lower: two different names can share a start by chance.
 */

/** Diminutive endings, longest first: FREDDIE → FRED, ABBIE → AB, MAISIE → MAI. */
const DIMINUTIVE_ENDINGS = ["SIE", "SY", "ZIE", "IE", "EY", "Y", "I", "O"] as const;

/** A short form is short: beyond this it is another name (JOSEPH is not a form of JOSEPHINE). */
const LONGEST_SHORT_FORM = 5;

/** The name without one diminutive ending, its last consonant undoubled (DANNY → DAN). */
export function diminutiveStem(name: string): string {
  for (const ending of DIMINUTIVE_ENDINGS) {
    if (name.length - ending.length < 2 || !name.endsWith(ending)) continue;
    const stem = name.slice(0, -ending.length);
    const last = stem.length - 1;
    return stem.length > 2 && stem[last] === stem[last - 1] ? stem.slice(0, last) : stem;
  }
  return name;
}

/** A form no longer than a short form, and at least two letters shorter than the full name. */
function shortEnough(form: string, long: string): boolean {
  return form.length <= LONGEST_SHORT_FORM && long.length - form.length >= 2;
}

function keepsTheStart(form: string, long: string): boolean {
  // Two letters are a start only of a long name (ED for EDWARD, JO for JOANNA; not JO for JOHN).
  const minimum = long.length >= 5 ? 2 : 3;
  return form.length >= minimum && long.startsWith(form);
}

function keepsTheEnd(form: string, long: string): boolean {
  return form.length >= 4 && long.endsWith(form);
}

function keepsTheFirstSounds(form: string, long: string): boolean {
  if (form[0] !== long[0]) return false;
  const [formCode] = phoneticCodes(form);
  const [longCode] = phoneticCodes(long);
  return formCode.length >= 2 && longCode.length > formCode.length && longCode.startsWith(formCode);
}

/**
 * Whether one normalised given name is a short form of the other by rule: one of them, or its stem
 * without a diminutive ending, keeps the start or the first sounds of the other (a diminutive may
 * be as long as the name: DAVIE, DAVID); or the shorter keeps the end of the longer.
 */
export function isShortForm(a: string, b: string): boolean {
  if (a === b) return false;
  for (const [name, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const stem = diminutiveStem(name);
    for (const form of stem === name ? [name] : [name, stem]) {
      if (!shortEnough(form, other)) continue;
      if (keepsTheStart(form, other) || keepsTheFirstSounds(form, other)) return true;
    }
  }
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return shortEnough(short, long) && keepsTheEnd(short, long);
}
