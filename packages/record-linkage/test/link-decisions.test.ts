import { describe, expect, it } from "vitest";
import { bandFor } from "../src/bands.js";
import type { MatchIdentity } from "../src/identity.js";
import { decideLinks, decideRecordLinks, type ScoredPair } from "../src/link-decisions.js";
import { scorePair } from "../src/score.js";
import { person } from "./person.js";

function scored(
  subjectId: string,
  subject: MatchIdentity,
  recordId: string,
  record: MatchIdentity,
) {
  const pair = scorePair(subject, record);
  const band = bandFor(pair);
  if (!band) throw new Error("the pair is in no band");
  return { subjectId, recordId, band, ...pair } satisfies ScoredPair;
}

describe("one record, one person", () => {
  it("links a record CERTAIN against one subject", () => {
    const [decision] = decideRecordLinks([scored("A", person(), "R", person())]);
    expect(decision).toMatchObject({ autoLink: true, conflict: false });
  });

  it("links none when the record is CERTAIN against two subjects: a conflict for the researcher", () => {
    const record = person();
    const decisions = decideRecordLinks([
      scored("A", person(), "R", record),
      scored("B", person({ givenName: "Will" }), "R", record),
    ]);
    expect(decisions.map((d) => [d.subjectId, d.autoLink, d.conflict])).toEqual([
      ["A", false, true],
      ["B", false, true],
    ]);
  });

  it("links neither twin on names and address alone", () => {
    const record = person({ givenName: "Amelia", sex: "female" });
    const decisions = decideRecordLinks([
      scored("twin-1", person({ givenName: "Amelia", sex: "female" }), "R", record),
      scored("twin-2", person({ givenName: "Amelie", sex: "female" }), "R", record),
    ]);
    expect(decisions.every((d) => !d.autoLink && d.conflict)).toBe(true);
  });

  it("links a twin on the agency's key", () => {
    const record = person({ strongIdentifier: "9434765919" });
    const decisions = decideRecordLinks([
      scored("twin-1", person({ strongIdentifier: "9434765919" }), "R", record),
      scored("twin-2", person({ givenName: "Oscar", strongIdentifier: "4010232137" }), "R", record),
    ]);
    expect(decisions.find((d) => d.subjectId === "twin-1")?.autoLink).toBe(true);
  });

  it("still links a child when a parent of the same name lives there (another date of birth)", () => {
    const record = person();
    const decisions = decideRecordLinks([
      scored("child", person(), "R", record),
      scored("parent", person({ dateOfBirth: "1980-06-01" }), "R", record),
    ]);
    expect(decisions.find((d) => d.subjectId === "child")).toMatchObject({ autoLink: true });
  });

  it("does not link a subject's far weaker second record (a namesake's) automatically", () => {
    const subject = person({ middleNames: ["Peter"] });
    const own = person({ middleNames: ["Peter"] });
    const namesakes = person({
      addressLine1: "2 Hill Top",
      postcode: "BD1 1AA",
      middleNames: ["Peter"],
    });
    const decisions = decideLinks([
      scored("A", subject, "R1", own),
      scored("A", subject, "R2", namesakes),
    ]);
    expect(decisions.map((d) => [d.recordId, d.autoLink])).toEqual([
      ["R1", true],
      ["R2", false],
    ]);
  });

  it("links both of an agency's duplicate records of one subject", () => {
    const decisions = decideLinks([
      scored("A", person(), "R1", person()),
      scored("A", person(), "R2", person({ givenName: "Bill" })),
    ]);
    expect(decisions.every((d) => d.autoLink)).toBe(true);
  });
});
