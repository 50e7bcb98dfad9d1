import { describe, expect, it } from "vitest";
import { bandFor } from "../src/bands.js";
import { agreementOf, scorePair } from "../src/score.js";
import { person } from "./person.js";

const band = (a = person(), b = person()) => bandFor(scorePair(a, b));

describe("scores and bands", () => {
  it("links the same person at the same address", () => {
    expect(band(person(), person({ givenName: "Bill" }))).toBe("certain");
  });

  it("links the same name and date of birth when the record has no address", () => {
    expect(band(person(), person({ addressLine1: null, postcode: null }))).toBe("certain");
  });

  it("links a surname change at the same address and date of birth", () => {
    expect(band(person({ familyName: "Brown" }), person({ familyName: "Green" }))).toBe("certain");
  });

  it("links names recorded the other way round, and says so", () => {
    const pair = scorePair(person(), person({ givenName: "Smith-Jones", familyName: "William" }));
    expect(bandFor(pair)).toBe("certain");
    expect(agreementOf(pair, "name_order")).toBe("swapped");
  });

  it("does not link a namesake born the same day at another address by itself", () => {
    expect(band(person(), person({ addressLine1: "2 Hill Top", postcode: "BD1 1AA" }))).toBe(
      "probable",
    );
  });

  it("does link that namesake when a middle name agrees too", () => {
    const a = person({ middleNames: ["Peter"] });
    const b = person({ middleNames: ["Peter"], addressLine1: "2 Hill Top", postcode: "BD1 1AA" });
    expect(band(a, b)).toBe("certain");
  });

  it("never links a twin (same surname, birthday, address; another given name) by itself", () => {
    expect(band(person(), person({ givenName: "Harriet", sex: "female" }))).not.toBe("certain");
    expect(band(person(), person({ givenName: "Oscar" }))).toBe("probable");
  });

  it("never links on a middle name used as a given name alone", () => {
    const subject = person({ givenName: "James", middleNames: ["Peter"] });
    expect(band(subject, person({ givenName: "Peter" }))).toBe("probable");
  });

  it("links on the agency's key when the rest agrees", () => {
    const subject = person({ strongIdentifier: "9434765919", postcode: null });
    const pair = scorePair(
      subject,
      person({ strongIdentifier: "9434765919", postcode: "BD1 1AA" }),
    );
    expect(bandFor(pair)).toBe("certain");
    expect(agreementOf(pair, "strong_identifier")).toBe("agree");
  });

  it("never links when the agency's keys disagree", () => {
    const pair = scorePair(
      person({ strongIdentifier: "9434765919" }),
      person({ strongIdentifier: "4010232137" }),
    );
    expect(bandFor(pair)).not.toBe("certain");
  });

  it("drops pairs with nothing in common", () => {
    const other = person({
      givenName: "Sophie",
      familyName: "Patel",
      dateOfBirth: "1980-01-01",
      sex: "female",
      postcode: "BD1 1AA",
    });
    expect(band(person(), other)).toBeNull();
  });
});
