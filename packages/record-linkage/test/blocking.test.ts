import { describe, expect, it } from "vitest";
import { blockingKeysFor, blockKeyStrings, recordKeyStrings } from "../src/blocking.js";
import { splitByBlock } from "../src/match-people.js";
import { person } from "./person.js";

describe("blocking", () => {
  it("blocks on names with their nicknames and each part of a double-barrelled name", () => {
    const keys = blockingKeysFor(person({ givenName: "Bill" }));
    expect(keys.givenNames).toContain("WILLIAM");
    expect(keys.familyNames).toEqual(["SMITH-JONES", "SMITH", "JONES"]);
  });

  it("finds a record with the names swapped, and one filed under its alias", () => {
    const subject = { ...person({ dateOfBirth: null, postcode: null }), recordId: "S" };
    const swapped = {
      ...person({
        givenName: "Smith-Jones",
        familyName: "William",
        dateOfBirth: null,
        postcode: null,
      }),
      recordId: "swapped",
    };
    const underAlias = {
      ...person({
        givenName: "Billy",
        familyName: "Kid",
        dateOfBirth: null,
        postcode: null,
        aliases: [{ givenName: "William", familyName: "Smith-Jones" }],
      }),
      recordId: "alias",
    };
    const [block] = splitByBlock([subject], [swapped, underAlias]);
    expect(block?.map((record) => record.recordId).sort()).toEqual(["alias", "swapped"]);
  });

  it("finds a record whose postcode is written without its space", () => {
    const keys = blockKeyStrings(blockingKeysFor(person({ postcode: "ls62ab" })));
    expect(recordKeyStrings(person({ postcode: "LS6 2AB" }))).toContain("postcode:LS6 2AB");
    expect(keys).toContain("postcode:LS6 2AB");
  });
});
