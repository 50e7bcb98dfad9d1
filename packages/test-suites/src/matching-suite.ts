import type { MatchCandidateTable } from "@mash/agency-kit/db/match-tables";
import type { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import type { AfterImportOutcome } from "@mash/agency-kit/matching/match-after-import";
import type { Database } from "@mash/platform/db/connect";
import type {
  BaseRequestContext,
  SubgraphDefinition,
} from "@mash/platform/subgraph/define-subgraph";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import { generateWorld, truthLinks } from "@mash/synthetic-world/world";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SubgraphHarness, startSubgraphHarness } from "./subgraph-harness.js";
import { subjectRepresentation } from "./subject-representation.js";
import { allSeeingAuthority, callerWithRoles } from "./test-authorities.js";
import { testDatabases } from "./test-databases.js";

// One suite for every matching agency's record matching (police, health, probation): the same
// promises (finds the true record, bounded statements, researcher decisions, malformed decisions
// refused, the manager may read but not decide, linear matching after an import) checked against
// each agency's own subgraph, match field and decision mutation.

export interface RecordMatchingOptions<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  definition: SubgraphDefinition<TTables, TContext>;
  /** The agency's development seeder (`dev/seed.ts`). */
  seeder: SubgraphSeeder<TTables>;
  /** The agency's two matching tables, from its schema module. */
  tables: { matchCandidate: MatchCandidateTable; subjectLink: ReturnType<typeof subjectLinkTable> };
  /** The candidate's field holding the agency's record id: "nominalId", "patientId", "crn". */
  recordIdField: string;
  /** What the agency calls the matched record in the test names: "nominal", "record". */
  recordNoun: string;
  /** The `Subject` field listing the candidates: "policeMatches". */
  matchesField: string;
  /** The researcher's decision mutation: "decidePoliceMatch". */
  decideMutation: string;
  /** The reason a researcher gives when confirming a pair. */
  confirmReason: string;
  /** The agency's matching after a bulk import (its `matchPeopleAfterImport`). */
  matchPeopleAfterImport(db: Database<TTables>, recordIds: string[]): Promise<AfterImportOutcome>;
}

interface Candidate {
  id: string;
  subjectId: string;
  score: number;
  band: string;
  status: string;
  reasons: { field: string; agreement: string; weight: number }[];
  /** The agency's record id, under `recordIdField`. */
  [recordIdField: string]: unknown;
}

const SEED = { seed: 11, subjects: 300 };

export function describeRecordMatching<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(options: RecordMatchingOptions<TTables, TContext>): void {
  const { definition, tables, recordIdField, recordNoun, matchesField, decideMutation } = options;
  const agency = definition.agency;

  const world = generateWorld(SEED);
  const truth = truthLinks(world).filter((link) => link.agency === agency);
  const subjectRecords = new Map(
    world.records.socialCare.map((record) => [record.recordId, record]),
  );

  const MATCHES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Subject { id ${matchesField} { id subjectId ${recordIdField} score band status reasons { field agreement weight } decidedBy decisionReason } }
  }
}`;

  const DECIDE = `mutation ($input: DecideMatchInput!) {
  ${decideMutation}(input: $input) { id status decidedBy decisionReason decidedAt }
}`;

  /** A subject with its candidates under `matchesField`. */
  type Entity = { id: string; [matchesField: string]: unknown };
  type Entities = { _entities: Entity[] };

  /** The agency's record id of a candidate. */
  const recordIdOf = (candidate: Candidate) => candidate[recordIdField];
  /** A subject's candidates (null when the caller may not see them). */
  const candidatesOf = (entity: Entity | undefined) =>
    entity?.[matchesField] as Candidate[] | null | undefined;

  function representations(subjectIds: readonly string[]) {
    return subjectIds.map((id) => {
      const record = subjectRecords.get(id);
      if (!record) throw new Error("unknown subject");
      return subjectRepresentation(record);
    });
  }

  for (const database of testDatabases()) {
    describe(`${agency} record matching (${database.name})`, () => {
      let harness: SubgraphHarness<TTables, TContext>;
      const subjectIds = [...new Set(truth.map((link) => link.subjectId))];

      beforeAll(async () => {
        harness = await startSubgraphHarness(
          definition,
          database,
          { ...SEED, seeder: options.seeder },
          allSeeingAuthority(subjectIds, agency),
        );
      }, 120_000);
      afterAll(() => harness?.close());

      async function matchesOf(ids: readonly string[]) {
        const result = await harness.execute(MATCHES, { reps: representations(ids) });
        expect(result.errors).toBeUndefined();
        return (result.data as Entities)._entities;
      }

      it(`finds each subject's own ${recordNoun}, with band and reasons`, async () => {
        const sample = subjectIds.slice(0, 40);
        const entities = await matchesOf(sample);
        let found = 0;
        for (const entity of entities) {
          const expected = truth
            .filter((link) => link.subjectId === entity.id)
            .map((l) => l.recordId);
          const proposed = (candidatesOf(entity) ?? []).filter((c) => c.band !== "POSSIBLE");
          if (expected.some((id) => proposed.some((c) => recordIdOf(c) === id))) found++;
          for (const candidate of candidatesOf(entity) ?? []) {
            expect(candidate.reasons.map((r) => r.field)).toContain("DATE_OF_BIRTH");
            expect(["CERTAIN", "PROBABLE", "POSSIBLE"]).toContain(candidate.band);
            if (candidate.band === "CERTAIN") expect(candidate.status).toBe("AUTO_LINKED");
          }
        }
        expect(found / sample.length).toBeGreaterThanOrEqual(0.9);
      });

      it("matches a household of five with the statements of one subject", async () => {
        const household = world.households.find((h) => {
          const known = h.memberIds.filter((id) =>
            world.records.socialCare.some((r) => r.truePersonId === id),
          );
          return known.length >= 5;
        });
        expect(household).toBeDefined();
        const members = world.records.socialCare
          .filter((record) => household?.memberIds.includes(record.truePersonId))
          .slice(0, 5)
          .map((record) => record.recordId);
        const one = await harness.countStatements(MATCHES, {
          reps: representations(members.slice(0, 1)),
        });
        const five = await harness.countStatements(MATCHES, { reps: representations(members) });
        expect(five.result.errors).toBeUndefined();
        // At most: remember identities, stored pairs, blocked records, their aliases, store pairs,
        // link CERTAIN ones. One member may skip the last steps (nothing found), five never add any.
        expect(one.statements).toBeLessThanOrEqual(6);
        expect(five.statements).toBeLessThanOrEqual(6);
      });

      it("records a researcher's decisions; a rejected pair is never proposed again", async () => {
        const pending = (await matchesOf(world.records.socialCare.map((r) => r.recordId)))
          .flatMap((entity) => candidatesOf(entity) ?? [])
          .filter((candidate) => candidate.status === "PENDING");
        expect(pending.length).toBeGreaterThanOrEqual(2);
        const [toConfirm, toReject] = pending as [Candidate, Candidate];

        const confirmed = await harness.execute(DECIDE, {
          input: { candidateId: toConfirm.id, decision: "CONFIRM", reason: options.confirmReason },
        });
        expect(confirmed.errors).toBeUndefined();
        expect(confirmed.data?.[decideMutation]).toMatchObject({
          status: "CONFIRMED",
          decidedBy: "test-all-seeing",
          decisionReason: options.confirmReason,
        });
        const links = await harness.prepared.database.db.select().from(tables.subjectLink);
        const link = links.find(
          (row) => row.subjectId === toConfirm.subjectId && row.recordId === recordIdOf(toConfirm),
        );
        expect(link?.source).toBe("researcher_confirmed");

        const rejected = await harness.execute(DECIDE, {
          input: { candidateId: toReject.id, decision: "REJECT", reason: "Different person" },
        });
        expect(rejected.errors).toBeUndefined();
        const again = await matchesOf([toReject.subjectId]);
        expect(candidatesOf(again[0])?.some((c) => recordIdOf(c) === recordIdOf(toReject))).toBe(
          false,
        );

        const twice = await harness.execute(DECIDE, {
          input: { candidateId: toReject.id, decision: "CONFIRM", reason: "Changed my mind" },
        });
        expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      });

      it("refuses malformed decisions with a specific error", async () => {
        const badId = await harness.execute(DECIDE, {
          input: { candidateId: "not-a-uuid", decision: "REJECT", reason: "Different person" },
        });
        expect(badId.errors?.[0]?.extensions).toMatchObject({
          code: "BAD_USER_INPUT",
          reason: "MALFORMED_ID",
        });
        const noReason = await harness.execute(DECIDE, {
          input: {
            candidateId: "00000000-0000-4000-8000-000000000001",
            decision: "REJECT",
            reason: " ",
          },
        });
        expect(noReason.errors?.[0]?.extensions).toMatchObject({
          code: "BAD_USER_INPUT",
          reason: "REASON_REQUIRED",
        });
        const unknown = await harness.execute(DECIDE, {
          input: {
            candidateId: "00000000-0000-4000-8000-000000000001",
            decision: "REJECT",
            reason: "Different",
          },
        });
        expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      });

      it("lets the MASH manager read candidates but not decide", async () => {
        const manager = callerWithRoles(["mash-manager"], "social-care");
        const read = await harness.execute(
          MATCHES,
          { reps: representations(subjectIds.slice(0, 1)) },
          manager,
        );
        expect(read.errors).toBeUndefined();
        const decide = await harness.execute(
          DECIDE,
          {
            input: {
              candidateId: "00000000-0000-4000-8000-000000000001",
              decision: "REJECT",
              reason: "No",
            },
          },
          manager,
        );
        expect(decide.data?.[decideMutation] ?? null).toBeNull();
        expect(decide.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
      });

      it(`matches imported ${recordNoun}s against known subjects, linearly`, async () => {
        const db = harness.prepared.database.db;
        // Forget the links and pairs of the subjects imported here, as if their records were new.
        const imported = truth.slice(0, 60);
        const recordIds = [...new Set(imported.map((link) => link.recordId))];
        await db.delete(tables.matchCandidate);
        await db.delete(tables.subjectLink);
        const statements = harness.prepared.database.statements;
        const few = await statements.measure(() =>
          options.matchPeopleAfterImport(db, recordIds.slice(0, 5)),
        );
        const many = await statements.measure(() =>
          options.matchPeopleAfterImport(db, recordIds.slice(5)),
        );
        expect(many.statements).toBe(few.statements);
        const outcome = {
          linked: few.result.linked + many.result.linked,
          proposed: few.result.proposed + many.result.proposed,
        };
        expect(outcome.linked).toBeGreaterThan(0);
        const links = await db.select().from(tables.subjectLink);
        const known = new Set(imported.map((link) => `${link.subjectId}|${link.recordId}`));
        // Every automatic link is a true one.
        for (const link of links)
          expect(known.has(`${link.subjectId}|${link.recordId}`)).toBe(true);
        // Run twice, nothing new: decided pairs stay decided, unchanged pending pairs are not rewritten.
        expect(await options.matchPeopleAfterImport(db, recordIds)).toEqual({
          linked: 0,
          proposed: 0,
        });
      });
    });
  }
}
