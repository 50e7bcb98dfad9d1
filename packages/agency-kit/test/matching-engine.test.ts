import { describe, expect, it } from "vitest";
import { bandFor } from "../src/matching/bands.js";
import { blockingKeysFor } from "../src/matching/blocking.js";
import { compareAddresses, normalisePostcode } from "../src/matching/compare-addresses.js";
import { compareDatesOfBirth, plausibleDatesOfBirth } from "../src/matching/compare-dates.js";
import { compareFamilyNames, compareGivenNames } from "../src/matching/compare-names.js";
import type { MatchIdentity } from "../src/matching/identity.js";
import { normaliseName } from "../src/matching/normalise-name.js";
import { scorePair } from "../src/matching/score.js";

function person(overrides: Partial<MatchIdentity> = {}): MatchIdentity {
  return {
    givenName: "William",
    middleNames: [],
    familyName: "Smith-Jones",
    aliases: [],
    dateOfBirth: "2012-03-04",
    sex: "male",
    addressLine1: "14 Elm Grove",
    postcode: "LS6 2AB",
    strongIdentifier: null,
    ...overrides,
  };
}

describe("normalising names", () => {
  it.each([
    ["O'Brien", "OBRIEN"],
    ["  zoë  ", "ZOE"],
    ["Smith - Jones", "SMITH-JONES"],
    ["Łukasz", "LUKASZ"],
  ])("%s -> %s", (input, expected) => expect(normaliseName(input)).toBe(expected));
});

describe("given names", () => {
  it.each([
    ["William", "William", "exact"],
    ["William", "Bill", "nickname"],
    ["Mohammed", "Muhammad", "sounds_alike"],
    ["Jonathon", "Jonathan", "sounds_alike"],
    ["Gemma", "Jemma", "sounds_alike"],
    ["Katherine", "Kathetine", "spelled_alike"],
    ["W", "William", "initial"],
    ["William", "Sophie", "disagree"],
  ] as const)("%s vs %s: %s", (a, b, expected) => {
    expect(compareGivenNames(person({ givenName: a }), person({ givenName: b }))).toBe(expected);
  });
});

describe("family names", () => {
  it.each([
    ["Smith-Jones", "Smith-Jones", "exact"],
    ["Smith-Jones", "Jones", "hyphen_part"],
    ["Kowalczyk", "Kowalcyzk", "spelled_alike"],
    ["Mitchel", "Mitchell", "sounds_alike"],
    ["Smith", "Patel", "disagree"],
  ] as const)("%s vs %s: %s", (a, b, expected) => {
    expect(compareFamilyNames(person({ familyName: a }), person({ familyName: b }))).toBe(expected);
  });

  it("finds a surname change through an alias", () => {
    const subject = person({
      familyName: "Brown",
      aliases: [{ givenName: "William", familyName: "Smith" }],
    });
    expect(compareFamilyNames(subject, person({ familyName: "Smith" }))).toBe("alias");
  });
});

describe("dates of birth", () => {
  it.each([
    ["2012-03-04", "2012-03-04", "exact"],
    ["2012-03-04", "2012-04-03", "day_month_swapped"],
    ["2012-03-04", "2011-03-04", "year_slip"],
    ["2012-03-04", "2012-03-05", "day_slip"],
    ["2012-03-04", "1990-07-21", "disagree"],
    ["2012-03-04", null, "missing"],
  ] as const)("%s vs %s: %s", (a, b, expected) => {
    expect(compareDatesOfBirth(a, b)).toBe(expected);
  });

  it("blocks on every plausible slip, skipping impossible dates", () => {
    expect(plausibleDatesOfBirth("2012-03-04")).toEqual([
      "2012-03-04",
      "2012-04-03",
      "2011-03-04",
      "2013-03-04",
      "2012-03-03",
      "2012-03-05",
    ]);
    expect(plausibleDatesOfBirth("2012-01-31")).not.toContain("2012-31-01");
  });
});

describe("addresses", () => {
  it.each([
    ["14 Elm Grove", "ls62ab", "same_address"],
    ["3 Oak Road", "LS6 2AB", "same_postcode"],
    ["14 Elm Grove", "LS6 2AD", "postcode_typo"],
    ["14 Elm Grove", "LS6 9XY", "same_district"],
    ["14 Elm Grove", "BD1 1AA", "disagree"],
  ] as const)("%s %s: %s", (line1, postcode, expected) => {
    expect(compareAddresses(person(), person({ addressLine1: line1, postcode }))).toBe(expected);
  });

  it("normalises postcodes", () => expect(normalisePostcode(" ls62ab ")).toBe("LS6 2AB"));
});

describe("scores and bands", () => {
  it("links the same person at the same address automatically", () => {
    const pair = scorePair(person(), person({ givenName: "Bill" }));
    expect(bandFor(pair)).toBe("certain");
  });

  it("does not auto-link a namesake born the same day at another address", () => {
    const pair = scorePair(person(), person({ addressLine1: "2 Hill Top", postcode: "BD1 1AA" }));
    expect(bandFor(pair)).toBe("probable");
  });

  it("does not auto-link a twin at the same address", () => {
    const pair = scorePair(person(), person({ givenName: "Harriet", sex: "female" }));
    expect(bandFor(pair)).not.toBe("certain");
  });

  it("links on the agency's key when the rest agrees", () => {
    const subject = person({ strongIdentifier: "9434765919", postcode: null });
    const pair = scorePair(
      subject,
      person({ strongIdentifier: "9434765919", postcode: "BD1 1AA" }),
    );
    expect(bandFor(pair)).toBe("certain");
    expect(pair.reasons.find((reason) => reason.field === "strong_identifier")?.agreement).toBe(
      "agree",
    );
  });

  it("drops pairs with nothing in common", () => {
    const other = person({
      givenName: "Sophie",
      familyName: "Patel",
      dateOfBirth: "1980-01-01",
      sex: "female",
      postcode: "BD1 1AA",
    });
    expect(bandFor(scorePair(person(), other))).toBeNull();
  });

  it("blocks on names with their nicknames", () => {
    const keys = blockingKeysFor(person({ givenName: "Bill" }));
    expect(keys.givenNames).toContain("WILLIAM");
    expect(keys.familyNames).toEqual(["SMITH-JONES", "SMITH", "JONES"]);
  });
});
