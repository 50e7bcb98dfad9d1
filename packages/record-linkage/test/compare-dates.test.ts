import { describe, expect, it } from "vitest";
import { compareDatesOfBirth, oneSlipApart, plausibleDatesOfBirth } from "../src/compare-dates.js";

describe("dates of birth", () => {
  it.each([
    ["2012-03-04", "2012-03-04", "exact"],
    ["2012-03-04", "2012-04-03", "day_month_swapped"],
    ["2012-03-04", "2011-03-04", "year_slip"],
    ["1985-03-04", "1965-03-04", "year_slip"],
    ["1985-03-04", "1958-03-04", "year_slip"],
    ["2012-03-04", "2012-03-05", "day_slip"],
    ["2012-03-12", "2012-03-17", "day_slip"],
    ["2012-03-12", "2012-03-21", "day_slip"],
    ["2012-03-04", "1990-07-21", "disagree"],
    ["1985-03-04", "1947-03-04", "disagree"],
    ["2012-03-04", null, "missing"],
    ["2012-03-04", "not a date", "missing"],
  ] as const)("%s vs %s: %s", (a, b, expected) => {
    expect(compareDatesOfBirth(a, b)).toBe(expected);
    expect(compareDatesOfBirth(b, a)).toBe(expected);
  });

  it.each([
    [1985, 1986, 4, true],
    [1985, 1995, 4, true],
    [1985, 1958, 4, true],
    [1985, 1985, 4, false],
    [1985, 1974, 4, false],
    [9, 10, 2, true],
    [12, 21, 2, true],
    [3, 30, 2, true],
    [3, 25, 2, false],
  ] as const)("%i and %i one slip apart: %s", (a, b, digits, expected) => {
    expect(oneSlipApart(a, b, digits)).toBe(expected);
  });

  it("blocks on the common slips, skipping impossible dates", () => {
    expect(plausibleDatesOfBirth("2012-03-04")).toEqual([
      "2012-03-04",
      "2012-04-03",
      "2011-03-04",
      "2013-03-04",
      "2002-03-04",
      "2022-03-04",
      "2012-03-03",
      "2012-03-05",
    ]);
    expect(plausibleDatesOfBirth("2012-01-31")).not.toContain("2012-31-01");
    expect(plausibleDatesOfBirth("2012-02-29")).not.toContain("2011-02-29");
  });
});
