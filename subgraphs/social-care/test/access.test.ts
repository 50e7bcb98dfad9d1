import { PERSONAS } from "@mash/schema/authorization/personas";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import type { World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { testDatabases } from "@mash/test-suites/test-databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../dev/seed.js";
import type { SocialCareContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { socialCareSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 400 };

function persona(key: string) {
  const found = PERSONAS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return {
    id: found.id,
    displayName: found.displayName,
    agency: found.agency,
    roles: [...found.roles],
  };
}

function as(key: string, extra: Partial<RequestAuthority> = {}): RequestAuthority {
  return { principal: persona(key), purpose: null, breakGlass: [], ...extra };
}

const AUTHORITY = `query ($id: ID!) { mashAuthority(enquiryId: $id) { enquiryId subjectIds breakGlassGrants { id subjectId expiresAt } } }`;
const DECLARE = `mutation ($input: DeclareBreakGlassInput!) { declareBreakGlass(input: $input) { id subjectId enquiryId expiresAt reviewStatus } }`;

describe.each(testDatabases())(
  "purpose, break-glass and record-level rules on $name",
  (database) => {
    let harness: SubgraphHarness<typeof tables, SocialCareContext>;
    let world: World;
    let enquiry: typeof tables.enquiry.$inferSelect;
    let purposeSubjects: string[];

    beforeAll(async () => {
      world = generateWorld(SEED);
      harness = await startSubgraphHarness(socialCareSubgraph, database, {
        ...SEED,
        seeder: socialCareSeeder,
      });
      const enquiries = await harness.prepared.database.db.select().from(tables.enquiry);
      expect(enquiries.length).toBeGreaterThan(0);
      enquiry = enquiries[0] as typeof enquiry;
      const result = await harness.execute(AUTHORITY, { id: enquiry.id }, as("social-worker"));
      expect(result.errors).toBeUndefined();
      purposeSubjects =
        (result.data?.mashAuthority as { subjectIds: string[] } | undefined)?.subjectIds ?? [];
    });
    afterAll(() => harness?.close());

    const purpose = () => ({ enquiryId: enquiry.id, subjectIds: purposeSubjects });

    it("gives a participant the enquiry's subject, household and related people", async () => {
      expect(purposeSubjects).toContain(enquiry.subjectId);
      const [subject] = await harness.prepared.database.db
        .select()
        .from(tables.person)
        .where(eq(tables.person.id, enquiry.subjectId));
      if (subject?.householdId) {
        const household = await harness.prepared.database.db
          .select({ id: tables.person.id })
          .from(tables.person)
          .where(eq(tables.person.householdId, subject.householdId));
        for (const member of household) expect(purposeSubjects).toContain(member.id);
      }
      expect(purposeSubjects.length).toBeLessThan(SEED.subjects / 4);
    });

    it("refuses a purpose to someone not working on the enquiry, and closed or unknown enquiries", async () => {
      const outsider: RequestAuthority = {
        principal: {
          id: "someone-else",
          displayName: "Not on it",
          agency: "police",
          roles: ["mash-police-officer"],
        },
        purpose: null,
        breakGlass: [],
      };
      const refused = await harness.execute(AUTHORITY, { id: enquiry.id }, outsider);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "FORBIDDEN",
        reason: "NOT_A_PARTICIPANT",
      });
      const manager = await harness.execute(AUTHORITY, { id: enquiry.id }, as("manager"));
      expect(manager.errors).toBeUndefined();
      const unknown = await harness.execute(
        AUTHORITY,
        { id: "00000000-0000-4000-8000-000000000000" },
        as("social-worker"),
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      const anonymous = await harness.execute(
        AUTHORITY,
        { id: enquiry.id },
        { principal: null, purpose: null, breakGlass: [] },
      );
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });

    it("releases social care detail only about the purpose's subjects", async () => {
      const outside = world.records.socialCare.find(
        (record) => !purposeSubjects.includes(record.recordId),
      );
      const query = `query ($id: ID!) { subject(id: $id) { name { familyName } socialCare { known contacts { id } } } }`;
      const inside = await harness.execute(
        query,
        { id: enquiry.subjectId },
        as("social-worker", { purpose: purpose() }),
      );
      expect(inside.errors).toBeUndefined();
      const refused = await harness.execute(
        query,
        { id: outside?.recordId },
        as("social-worker", { purpose: purpose() }),
      );
      expect(refused.data?.subject).toMatchObject({
        name: { familyName: outside?.familyName },
        socialCare: { known: expect.any(Boolean) },
      });
      expect(refused.errors).toEqual([
        expect.objectContaining({
          path: ["subject", "socialCare", "contacts"],
          extensions: expect.objectContaining({
            code: "UNAUTHORIZED_FIELD_OR_TYPE",
            reason: "OUTSIDE_PURPOSE",
          }),
        }),
      ]);
      const noPurpose = await harness.execute(
        query,
        { id: enquiry.subjectId },
        as("social-worker"),
      );
      expect(noPurpose.errors?.[0]?.extensions).toMatchObject({ reason: "MISSING_REQUIREMENT" });
    });

    it("records break-glass with its reason and limits, and only then releases a placement address", async () => {
      const noPurpose = await harness.execute(
        DECLARE,
        { input: { subjectId: enquiry.subjectId, reason: "x".repeat(30) } },
        as("social-worker"),
      );
      expect(noPurpose.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
      const outsideId = world.records.socialCare.find(
        (record) => !purposeSubjects.includes(record.recordId),
      )?.recordId;
      const outside = await harness.execute(
        DECLARE,
        { input: { subjectId: outsideId, reason: "x".repeat(30) } },
        as("social-worker", { purpose: purpose() }),
      );
      expect(outside.errors?.[0]?.extensions).toMatchObject({
        code: "FORBIDDEN",
        reason: "SUBJECT_OUTSIDE_PURPOSE",
      });
      const short = await harness.execute(
        DECLARE,
        { input: { subjectId: enquiry.subjectId, reason: "because" } },
        as("social-worker", { purpose: purpose() }),
      );
      expect(short.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.reason",
      });
      const long = await harness.execute(
        DECLARE,
        { input: { subjectId: enquiry.subjectId, reason: "x".repeat(30), minutes: 600 } },
        as("social-worker", { purpose: purpose() }),
      );
      expect(long.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.minutes",
      });

      const declared = await harness.execute(
        DECLARE,
        {
          input: {
            subjectId: enquiry.subjectId,
            reason: "Child missing overnight; need placement to direct police search",
            minutes: 15,
          },
        },
        as("social-worker", { purpose: purpose() }),
      );
      expect(declared.errors).toBeUndefined();
      const grant = declared.data?.declareBreakGlass as {
        id: string;
        expiresAt: string;
        reviewStatus: string;
        enquiryId: string;
      };
      expect(grant).toMatchObject({ reviewStatus: "PENDING", enquiryId: enquiry.id });
      const minutes = (new Date(grant.expiresAt).getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(13);
      expect(minutes).toBeLessThanOrEqual(15);
      const authority = await harness.execute(AUTHORITY, { id: enquiry.id }, as("social-worker"));
      const grants =
        (authority.data?.mashAuthority as { breakGlassGrants: { id: string }[] } | undefined)
          ?.breakGlassGrants ?? [];
      expect(grants.map((g) => g.id)).toContain(grant.id);
    });

    it("keeps placement addresses behind break-glass for that very subject", async () => {
      const [episode] = await harness.prepared.database.db
        .select()
        .from(tables.lookedAfterEpisode)
        .limit(1);
      if (!episode) throw new Error("no looked-after episode seeded");
      const subjectPurpose = { enquiryId: enquiry.id, subjectIds: [episode.personId] };
      const query = `query ($id: ID!) { subject(id: $id) { socialCare { lookedAfterEpisodes { legalStatus placementAddress { postcode } } } } }`;
      const withoutGlass = await harness.execute(
        query,
        { id: episode.personId },
        as("social-worker", { purpose: subjectPurpose }),
      );
      const episodes =
        (
          withoutGlass.data?.subject as
            | {
                socialCare: {
                  lookedAfterEpisodes: { placementAddress: unknown; legalStatus: string }[];
                };
              }
            | undefined
        )?.socialCare.lookedAfterEpisodes ?? [];
      expect(episodes.length).toBeGreaterThan(0);
      expect(episodes.every((row) => row.placementAddress === null && row.legalStatus)).toBe(true);
      expect(withoutGlass.errors?.[0]?.extensions).toMatchObject({
        code: "UNAUTHORIZED_FIELD_OR_TYPE",
      });

      const future = new Date(Date.now() + 600_000).toISOString();
      const otherSubjectGlass = as("social-worker", {
        purpose: subjectPurpose,
        breakGlass: [{ id: "g1", subjectId: enquiry.subjectId, expiresAt: future }],
      });
      const wrongSubject = await harness.execute(
        query,
        { id: episode.personId },
        otherSubjectGlass,
      );
      expect(wrongSubject.errors?.[0]?.extensions).toMatchObject({ reason: "NO_BREAK_GLASS" });

      const glass = as("social-worker", {
        purpose: subjectPurpose,
        breakGlass: [{ id: "g2", subjectId: episode.personId, expiresAt: future }],
      });
      const released = await harness.execute(query, { id: episode.personId }, glass);
      expect(released.errors).toBeUndefined();

      const expired = as("social-worker", {
        purpose: subjectPurpose,
        breakGlass: [
          {
            id: "g3",
            subjectId: episode.personId,
            expiresAt: new Date(Date.now() - 1000).toISOString(),
          },
        ],
      });
      const late = await harness.execute(query, { id: episode.personId }, expired);
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHORIZED_FIELD_OR_TYPE" });
    });

    it("gives an anonymous caller nothing", async () => {
      const result = await harness.execute(
        `{ subjects(first: 2) { nodes { id name { familyName } } } }`,
        undefined,
        { principal: null, purpose: null, breakGlass: [] },
      );
      expect(result.data).toEqual({ subjects: null });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });
  },
);
