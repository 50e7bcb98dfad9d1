import { describe, expect, it } from "vitest";
import {
  compareFamilyNames,
  compareGivenName,
  compareGivenNames,
  compareNames,
} from "../src/compare-names.js";
import { normaliseName } from "../src/normalise-name.js";
import { person } from "./person.js";

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
    ["Margaret", "Peggy", "nickname"],
    ["Mohammed", "Muhammad", "sounds_alike"],
    ["Jonathon", "Jonathan", "sounds_alike"],
    ["Gemma", "Jemma", "sounds_alike"],
    ["Katherine", "Kathetine", "spelled_alike"],
    ["Noah", "Npah", "spelled_alike"],
    ["Arthur", "Athur", "spelled_alike"],
    ["Maximilian", "Max", "short_form"],
    ["Sebastian", "Seb", "short_form"],
    ["W", "William", "initial"],
    ["William", "Sophie", "disagree"],
  ] as const)("%s vs %s: %s", (a, b, expected) => {
    expect(compareGivenNames(person({ givenName: a }), person({ givenName: b }))).toBe(expected);
  });

  it("compares single names symmetrically", () => {
    for (const [a, b] of [
      ["KEVIN", "KEV"],
      ["MARGARET", "PEGGY"],
      ["NOAH", "NPAH"],
    ] as const) {
      expect(compareGivenName(a, b)).toBe(compareGivenName(b, a));
    }
  });

  it("finds a person who goes by a middle name", () => {
    const subject = person({ givenName: "James", middleNames: ["Peter"] });
    expect(compareGivenNames(subject, person({ givenName: "Peter" }))).toBe("middle_name");
    expect(compareGivenNames(person({ givenName: "Peter" }), subject)).toBe("middle_name");
  });

  it("finds a given name through an alias on either side", () => {
    const known = person({
      givenName: "Kayleigh",
      aliases: [{ givenName: "Kay", familyName: "Smith-Jones" }],
    });
    expect(compareGivenNames(known, person({ givenName: "Kay" }))).toBe("exact");
    expect(compareGivenNames(person({ givenName: "Kay" }), known)).toBe("exact");
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

  it("finds a surname change through an alias, in both directions", () => {
    const subject = person({
      familyName: "Brown",
      aliases: [{ givenName: "William", familyName: "Smith" }],
    });
    expect(compareFamilyNames(subject, person({ familyName: "Smith" }))).toBe("alias");
    expect(compareFamilyNames(person({ familyName: "Smith" }), subject)).toBe("alias");
  });
});

describe("whole names", () => {
  it("reads names recorded the other way round crosswise", () => {
    const subject = person({ givenName: "Ahmed", familyName: "Hussain" });
    const record = person({ givenName: "Hussain", familyName: "Ahmed" });
    expect(compareNames(subject, record)).toEqual({
      given: "exact",
      family: "exact",
      order: "swapped",
    });
  });

  it("keeps the recorded order when it explains the names as well", () => {
    const subject = person({ givenName: "Thomas", familyName: "Thomas" });
    expect(compareNames(subject, person({ givenName: "Thomas", familyName: "Thomas" })).order).toBe(
      "as_recorded",
    );
  });

  it("matches an alias that is the agency record's main name", () => {
    const subject = person({ givenName: "Sarah", familyName: "Brown" });
    const record = person({
      givenName: "Sally",
      familyName: "Green",
      aliases: [{ givenName: "Sarah", familyName: "Brown" }],
    });
    expect(compareNames(subject, record)).toMatchObject({ given: "exact", family: "alias" });
  });

  it("matches a subject's alias that the record holds as its main name", () => {
    const subject = person({
      givenName: "Sarah",
      familyName: "Brown",
      aliases: [{ givenName: "Shaz", familyName: "Brown" }],
    });
    expect(compareNames(subject, person({ givenName: "Shaz", familyName: "Brown" }))).toMatchObject(
      {
        given: "exact",
        family: "exact",
      },
    );
  });
});
