import { describe, expect, it } from "vitest";
import { diminutiveStem, isShortForm } from "../src/short-forms.js";

// Rules cannot tell every diminutive from another name with the same start (HARRY, HARVEY): that
// is why agreement by rule weighs less than a nickname, and why twins are never linked on names.
describe("short forms by rule", () => {
  it.each([
    ["CHRISTOPHER", "CHRIS", "keeps the start"],
    ["ALEXANDER", "ALEX", "keeps the start"],
    ["EDWARD", "ED", "two letters of a long name"],
    ["DANIEL", "DANNY", "a diminutive ending on the start"],
    ["FREDERICK", "FREDDIE", "a diminutive ending on the start"],
    ["ABIGAIL", "ABBIE", "a diminutive ending, the consonant undoubled"],
    ["DAVID", "DAVIE", "a diminutive as long as the name"],
    ["ELIZABETH", "BETH", "keeps the end"],
    ["WILLIAM", "LIAM", "keeps the end"],
    ["JAMES", "JIM", "keeps the first sounds"],
    ["THOMAS", "TOM", "keeps the first sounds"],
  ])("%s / %s (%s)", (full, short) => {
    expect(isShortForm(full, short)).toBe(true);
    expect(isShortForm(short, full)).toBe(true);
  });

  it.each([
    ["JOHN", "JO", "two letters of a short name"],
    ["OLIVER", "OSCAR", "different names with one letter in common"],
    ["JOSEPHINE", "JOSEPH", "nearly as long: another name"],
    ["SOPHIE", "SOPHIE", "the same name is exact, not a short form"],
    ["ANNA", "HANNAH", "nearly as long: a variant or another name"],
  ])("not %s / %s (%s)", (a, b) => {
    expect(isShortForm(a, b)).toBe(false);
  });

  it.each([
    ["DANNY", "DAN"],
    ["FREDDIE", "FRED"],
    ["KATIE", "KAT"],
    ["MAISIE", "MAI"],
    ["SAM", "SAM"],
  ])("stem of %s is %s", (name, stem) => expect(diminutiveStem(name)).toBe(stem));
});
