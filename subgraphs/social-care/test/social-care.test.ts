import type { World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../dev/seed.js";
import type { SocialCareContext } from "../src/context.js";
import type * as tables from "../src/db/schema.js";
import { socialCareSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 400 };

describe.each(testDatabases())("social care subgraph on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, SocialCareContext>;
  let world: World;

  beforeAll(async () => {
    world = generateWorld(SEED);
    harness = await startSubgraphHarness(
      socialCareSubgraph,
      database,
      { ...SEED, seeder: socialCareSeeder },
      allSeeingAuthority(
        world.records.socialCare.map((record) => record.recordId),
        "social-care",
      ),
    );
  });
  afterAll(() => harness?.close());

  it("returns a subject as social care recorded them", async () => {
    const record = world.records.socialCare[0];
    if (!record) throw new Error("world has no subjects");
    const result = await harness.execute(
      `query ($id: ID!) { subject(id: $id) { id name { givenName familyName } dateOfBirth address { postcode } } }`,
      { id: record.recordId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.subject).toEqual({
      id: record.recordId,
      name: { givenName: record.givenName, familyName: record.familyName },
      dateOfBirth: record.dateOfBirth,
      address: { postcode: record.address.postcode },
    });
  });

  it("says NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
    const unknown = await harness.execute(
      `{ subject(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(unknown.data?.subject).toBeNull();
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const malformed = await harness.execute(`{ subject(id: "not-a-uuid") { id } }`);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "id",
      reason: "MALFORMED_ID",
    });
    expect(JSON.stringify(malformed)).not.toContain("stacktrace");
  });

  it("pages through subjects by cursor without gaps or overlaps", async () => {
    const query = `query ($after: String) { subjects(first: 25, after: $after) { nodes { id name { familyName givenName } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result = await harness.execute(query, { after });
      expect(result.errors).toBeUndefined();
      const page = result.data?.subjects as {
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        totalCount: number;
      };
      expect(page.totalCount).toBe(SEED.subjects);
      seen.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 100);
    expect(seen).toHaveLength(SEED.subjects);
    expect(new Set(seen).size).toBe(SEED.subjects);
  });

  it("filters by family name prefix, case-insensitively", async () => {
    const record = world.records.socialCare[3];
    if (!record) throw new Error("world too small");
    const prefix = record.familyName.slice(0, 3).toLowerCase();
    const result = await harness.execute(
      `query ($prefix: String) { subjects(first: 100, filter: { familyName: $prefix }) { nodes { name { familyName } } } }`,
      { prefix },
    );
    const names =
      (result.data?.subjects as { nodes: { name: { familyName: string } }[] } | undefined)?.nodes ??
      [];
    expect(names.length).toBeGreaterThan(0);
    for (const node of names)
      expect(node.name.familyName.toLowerCase().startsWith(prefix)).toBe(true);
  });

  it("rejects bad paging and filter input with the argument named", async () => {
    const tooMany = await harness.execute(`{ subjects(first: 1000) { nodes { id } } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
    const badCursor = await harness.execute(`{ subjects(after: "garbage") { nodes { id } } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ reason: "MALFORMED_CURSOR" });
    const badPostcode = await harness.execute(
      `{ subjects(filter: { postcode: "NOT A CODE" }) { nodes { id } } }`,
    );
    expect(badPostcode.errors?.[0]?.extensions).toMatchObject({ reason: "MALFORMED_POSTCODE" });
  });

  it("models the household and relationships", async () => {
    const withRelations = world.relationships.find((link) => {
      const ids = new Set(world.records.socialCare.map((r) => r.truePersonId));
      return ids.has(link.fromId) && ids.has(link.toId) && link.livesTogether;
    });
    if (!withRelations) throw new Error("world has no related subjects");
    const subject = world.records.socialCare.find((r) => r.truePersonId === withRelations.toId);
    const related = world.records.socialCare.find((r) => r.truePersonId === withRelations.fromId);
    const result = await harness.execute(
      `query ($id: ID!) { subject(id: $id) { household { members { id } } relationships { type livesTogether person { id } } } }`,
      { id: subject?.recordId },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data?.subject as {
      household: { members: { id: string }[] };
      relationships: { type: string; person: { id: string } }[];
    };
    expect(data.relationships).toContainEqual(
      expect.objectContaining({
        type: withRelations.type.toUpperCase(),
        person: { id: related?.recordId },
      }),
    );
    expect(data.household.members.map((m) => m.id)).toContain(subject?.recordId);
  });

  it("summarises the history consistently with the records", async () => {
    const plan = world.socialCare.childProtectionPlans.find((p) => !p.endDate);
    if (!plan) throw new Error("world has no open child protection plan");
    const result = await harness.execute(
      `query ($id: ID!) { subject(id: $id) { socialCare { known summary { onChildProtectionPlan everOnChildProtectionPlan } childProtectionPlans { category endDate } } } }`,
      { id: plan.recordId },
    );
    expect(result.errors).toBeUndefined();
    const section = (result.data?.subject as { socialCare: Record<string, unknown> } | undefined)
      ?.socialCare;
    expect(section?.known).toBe(true);
    expect(section?.summary).toEqual({
      onChildProtectionPlan: true,
      everOnChildProtectionPlan: true,
    });
    expect(section?.childProtectionPlans).toContainEqual({
      category: plan.category.toUpperCase(),
      endDate: null,
    });
  });

  it("never shows a looked-after child's placement as their address", async () => {
    // Placed with parents means placed at home: that address is the family's, not a secret one.
    const open = world.socialCare.lookedAfterEpisodes.filter(
      (episode) => !episode.endDate && episode.placementType !== "placed_with_parents",
    );
    expect(open.length).toBeGreaterThan(0);
    const result = await harness.execute(
      `query ($ids: [_Any!]!) { _entities(representations: $ids) { ... on Subject { address { uprn } } } }`,
      { ids: open.map((episode) => ({ __typename: "Subject", id: episode.recordId })) },
    );
    expect(result.errors).toBeUndefined();
    const addresses = result.data?._entities as { address: { uprn: string } | null }[];
    addresses.forEach((subject, index) => {
      expect(subject.address?.uprn).not.toBe(open[index]?.placementAddress.uprn);
    });
  });

  it("resolves Subject entities for other subgraphs, null for unknown ids", async () => {
    const record = world.records.socialCare[1];
    const result = await harness.execute(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { id name { familyName } } } }`,
      {
        reps: [
          { __typename: "Subject", id: record?.recordId },
          { __typename: "Subject", id: "00000000-0000-4000-8000-000000000000" },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { id: record?.recordId, name: { familyName: record?.familyName } },
      null,
    ]);
  });

  it("costs one statement per table for 50 subjects with everything social care holds", async () => {
    const { result, statements } = await harness.countStatements(`{
      subjects(first: 50) {
        nodes {
          id aliases { givenName } household { id members { id } }
          relationships { type person { id name { familyName } } }
          socialCare {
            known summary { contactCount onChildProtectionPlan } openCase { workerName }
            contacts { id outcome } childProtectionPlans { id } childInNeedEpisodes { id }
            lookedAfterEpisodes { id } earlyHelpEpisodes { id } adultSafeguardingConcerns { id }
          }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect((result.data?.subjects as { nodes: unknown[] } | undefined)?.nodes).toHaveLength(50);
    // person page, aliases, household, household members, relationships, related persons not on
    // the page, six history tables, allocation: 13 tables/lookups, each at most once.
    expect(statements).toBeLessThanOrEqual(13);
  });
});
