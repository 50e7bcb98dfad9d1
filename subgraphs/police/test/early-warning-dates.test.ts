import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policeSeeder } from "../dev/seed.js";
import type { PoliceContext } from "../src/context.js";
import type * as tables from "../src/db/schema.js";
import { policeSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 400 };
const DATES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { id policeDomesticAbuseChildPresentDates } } }`;

describe.each(testDatabases())(
  "the dates police give social care's early warnings on $name",
  (database) => {
    let harness: SubgraphHarness<typeof tables, PoliceContext>;
    const world = generateWorld(SEED);
    const links = truthLinks(world).filter((link) => link.agency === "police");
    // Expected from the ground truth: each subject's days present as a child at an incident.
    const expected = new Map<string, Set<string>>();
    for (const incident of world.police.domesticAbuseIncidents) {
      for (const involved of incident.involved) {
        if (involved.role !== "child_present") continue;
        for (const link of links.filter((l) => l.recordId === involved.recordId)) {
          const days = expected.get(link.subjectId) ?? new Set<string>();
          days.add(incident.occurredAt.slice(0, 10));
          expected.set(link.subjectId, days);
        }
      }
    }
    const subjects = [...expected.keys()].slice(0, 5);
    const other = links.map((l) => l.subjectId).find((id) => !expected.has(id));

    beforeAll(async () => {
      harness = await startSubgraphHarness(policeSubgraph, database, {
        ...SEED,
        seeder: policeSeeder,
      });
    });
    afterAll(() => harness?.close());

    it("gives the days a child was present at domestic abuse incidents, and none otherwise", async () => {
      expect(subjects.length).toBeGreaterThan(0);
      const ids = [...subjects, other ?? ""];
      const result = await harness.execute(
        DATES,
        { reps: ids.map((id) => ({ __typename: "Subject", id })) },
        allSeeingAuthority(ids, "social-care"),
      );
      expect(result.errors).toBeUndefined();
      const entities = result.data?._entities as {
        id: string;
        policeDomesticAbuseChildPresentDates: string[];
      }[];
      subjects.forEach((id, index) => {
        expect(entities[index]?.policeDomesticAbuseChildPresentDates).toEqual(
          [...(expected.get(id) ?? [])].sort(),
        );
      });
      expect(entities[subjects.length]?.policeDomesticAbuseChildPresentDates).toEqual([]);
    });

    it("refuses them outside the caller's purpose", async () => {
      const [id] = subjects;
      const result = await harness.execute(
        DATES,
        { reps: [{ __typename: "Subject", id }] },
        allSeeingAuthority([], "social-care"),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });
  },
);
