import { rankCandidates, splitByBlock } from "@mash/agency-kit/matching/match-people";
import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { describe, expect, it } from "vitest";
import { type MatchingAgency, matchIdentityOf } from "../src/match-identities.js";

// Matching quality against the synthetic world's ground truth: every subject is matched against
// each agency's records through blocking and scoring, exactly as a subgraph does (in memory here;
// the subgraphs run the same keys as indexed SQL lookups).

const world = generateWorld({ seed: 20_261_204, subjects: 3_500 });
const truth = new Set(
  truthLinks(world).map((link) => `${link.agency}|${link.subjectId}|${link.recordId}`),
);

interface Quality {
  certainPrecision: number;
  certainCount: number;
  recallCertainOrProbable: number;
  truePairs: number;
}

function measure(agency: MatchingAgency): Quality {
  const subjects = world.records.socialCare.map((record) => matchIdentityOf(record, agency));
  const records = world.records[agency].map((record) => matchIdentityOf(record, agency));
  const blocks = splitByBlock(subjects, records);
  let certain = 0;
  let certainRight = 0;
  let found = 0;
  subjects.forEach((subject, index) => {
    for (const candidate of rankCandidates(subject, blocks[index] ?? [])) {
      const right = truth.has(`${agency}|${subject.recordId}|${candidate.recordId}`);
      if (candidate.band === "certain") {
        certain++;
        if (right) certainRight++;
      }
      if (right && candidate.band !== "possible") found++;
    }
  });
  const truePairs = [...truth].filter((key) => key.startsWith(`${agency}|`)).length;
  return {
    certainPrecision: certain === 0 ? 1 : certainRight / certain,
    certainCount: certain,
    recallCertainOrProbable: found / truePairs,
    truePairs,
  };
}

describe("matching quality on a synthetic population", () => {
  it("has at least 10,000 people with noise and the hard cases", () => {
    expect(world.people.length).toBeGreaterThanOrEqual(10_000);
    const noise = new Set(
      Object.values(world.records).flatMap((list) => list.flatMap((r) => r.noise)),
    );
    for (const kind of [
      "nickname",
      "transliteration",
      "typo_family_name",
      "previous_family_name",
      "hyphenated_family_name_part",
      "dob_day_month_swapped",
      "dob_year_slip",
      "old_address",
      "postcode_typo",
    ] as const) {
      expect(noise.has(kind), kind).toBe(true);
    }
    // Twins, and namesakes: same name and date of birth, another person at another address.
    expect(world.people.some((person) => person.twinOfId !== undefined)).toBe(true);
    const byNameAndBirth = new Map<string, Set<string>>();
    for (const person of world.people) {
      const key = `${person.givenName}|${person.familyName}|${person.dateOfBirth}`;
      byNameAndBirth.set(key, (byNameAndBirth.get(key) ?? new Set()).add(person.id));
    }
    expect([...byNameAndBirth.values()].some((ids) => ids.size > 1)).toBe(true);
    // A surname change, and a child who moved (more than one address spell).
    expect(world.people.some((person) => person.previousFamilyNames.length > 0)).toBe(true);
    expect(
      world.people.some(
        (person) => person.addressHistory.length > 1 && person.dateOfBirth > "2010-01-01",
      ),
    ).toBe(true);
  });

  for (const agency of ["police", "health", "probation"] as const) {
    it(`${agency}: CERTAIN precision >= 0.99, CERTAIN+PROBABLE recall >= 0.95`, () => {
      const quality = measure(agency);
      console.log(`matching quality ${agency}: ${JSON.stringify(quality)}`);
      expect(quality.certainPrecision).toBeGreaterThanOrEqual(0.99);
      expect(quality.recallCertainOrProbable).toBeGreaterThanOrEqual(0.95);
    });
  }
});
