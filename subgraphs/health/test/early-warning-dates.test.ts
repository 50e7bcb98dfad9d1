import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSeeder } from "../dev/seed.js";
import type { HealthContext } from "../src/context.js";
import type * as tables from "../src/db/schema.js";
import { healthSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 400 };
const DATES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { id healthEmergencyAttendanceDates } } }`;

describe.each(testDatabases())(
  "the dates health gives social care's early warnings on $name",
  (database) => {
    let harness: SubgraphHarness<typeof tables, HealthContext>;
    const world = generateWorld(SEED);
    const links = truthLinks(world).filter((link) => link.agency === "health");
    // Expected from the ground truth: each subject's emergency department days, nothing else.
    const expected = new Map<string, Set<string>>();
    for (const attendance of world.health.unscheduledCare) {
      if (attendance.setting !== "emergency_department") continue;
      for (const link of links.filter((l) => l.recordId === attendance.recordId)) {
        const days = expected.get(link.subjectId) ?? new Set<string>();
        days.add(attendance.attendedAt.slice(0, 10));
        expected.set(link.subjectId, days);
      }
    }
    const subjects = [...expected.keys()].slice(0, 5);
    const other = links.map((l) => l.subjectId).find((id) => !expected.has(id));

    beforeAll(async () => {
      harness = await startSubgraphHarness(healthSubgraph, database, {
        ...SEED,
        seeder: healthSeeder,
      });
    });
    afterAll(() => harness?.close());

    it("gives the days of emergency department attendances only", async () => {
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
        healthEmergencyAttendanceDates: string[];
      }[];
      subjects.forEach((id, index) => {
        expect(entities[index]?.healthEmergencyAttendanceDates).toEqual(
          [...(expected.get(id) ?? [])].sort(),
        );
      });
      expect(entities[subjects.length]?.healthEmergencyAttendanceDates).toEqual([]);
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
