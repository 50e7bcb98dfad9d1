import { describe, expect, it } from "vitest";
import { compareAddresses, normalisePostcode, sameAddressLine } from "../src/compare-addresses.js";
import { normaliseAddressLine } from "../src/street-types.js";
import { person } from "./person.js";

describe("normalising address lines", () => {
  it.each([
    ["14 Elm Rd", "14 ELM ROAD"],
    ["14, ELM ROAD.", "14 ELM ROAD"],
    ["3 Rosewood Cres", "3 ROSEWOOD CRESCENT"],
    ["22 Beechwood Ave", "22 BEECHWOOD AVENUE"],
    ["7 High St", "7 HIGH STREET"],
    ["2 St Mary's Rd", "2 SAINT MARYS ROAD"],
    ["9 Larch Gdns", "9 LARCH GARDENS"],
    ["Flat 2, 14 A Elm Grove", "FLAT 2 14A ELM GROVE"],
  ])("%s -> %s", (input, expected) => expect(normaliseAddressLine(input)).toBe(expected));

  it("treats a flat and its building, and a misspelt street, as one address line", () => {
    expect(sameAddressLine("FLAT 2 14 ELM ROAD", "14 ELM ROAD")).toBe(true);
    expect(sameAddressLine("14 ELM ROAD", "14 ELN ROAD")).toBe(true);
    expect(sameAddressLine("14 ELM ROAD", "14 ELM GROVE")).toBe(false);
    expect(sameAddressLine("14 ELM ROAD", "16 ELM ROAD")).toBe(false);
  });
});

describe("postcodes", () => {
  it.each([" ls62ab ", "LS62AB", "ls6 2ab", "LS6  2AB"])("%s -> LS6 2AB", (input) =>
    expect(normalisePostcode(input)).toBe("LS6 2AB"),
  );
});

describe("addresses", () => {
  it.each([
    ["14 Elm Grove", "ls62ab", "same_address"],
    ["14 ELM GRO", "LS6 2AB", "same_address"],
    ["14 Elm Grove", "LS6 2AD", "same_address"],
    ["3 Oak Road", "LS6 2AB", "same_postcode"],
    ["3 Oak Road", "LS6 2AD", "postcode_typo"],
    ["3 Oak Road", "LS6 9XY", "same_district"],
    ["3 Oak Road", "BD1 1AA", "disagree"],
    ["14 Elm Grove", null, "same_line"],
    ["3 Oak Road", null, "missing"],
  ] as const)("%s %s: %s", (line1, postcode, expected) => {
    expect(compareAddresses(person(), person({ addressLine1: line1, postcode }))).toBe(expected);
  });

  it("reads street types written short as the full word", () => {
    const subject = person({ addressLine1: "22 Beechwood Avenue", postcode: "BD8 6WT" });
    const record = person({ addressLine1: "22 BEECHWOOD AVE", postcode: "bd86wt" });
    expect(compareAddresses(subject, record)).toBe("same_address");
  });
});
