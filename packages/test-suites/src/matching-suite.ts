import type { MatchCandidateTable } from "@mash/agency-kit/db/match-tables";
import type { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import type { LinkageOutcome } from "@mash/agency-kit/matching/link-records";
import type { FetchSubjectChanges } from "@mash/agency-kit/subject-feed/pull-subject-changes";
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
  /**
   * MASH subjects in the seeded world (default 300): an agency that knows few of them needs more
   * to have proposals to decide.
   */
  subjects?: number;
  /** The reason a researcher gives when confirming a pair. */
  confirmReason: string;
  /** The agency's pull of social care's subject change feed (its `pullSubjectChanges`). */
  pullSubjectChanges(
    db: Database<TTables>,
    fetchPage: FetchSubjectChanges,
  ): Promise<{ subjects: number; outcome: LinkageOutcome }>;
  /** The agency's matching after a bulk import (its `matchPeopleAfterImport`). */
  matchPeopleAfterImport(db: Database<TTables>, recordIds: string[]): Promise<LinkageOutcome>;
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

  const seed = { ...SEED, subjects: options.subjects ?? SEED.subjects };
  const world = generateWorld(seed);
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

  const Agency = `${agency.charAt(0).toUpperCase()}${agency.slice(1)}`;
  const revokeMutation = `revoke${Agency}Link`;
  const REVOKE = `mutation ($input: RevokeLinkInput!) {
  ${revokeMutation}(input: $input) { id status decidedBy decisionReason history { kind actor reason score band } }
}`;
  const QUEUE = `query ($first: Int!) { ${agency}ReviewQueue(first: $first) { id subjectId ${recordIdField} band status conflict } }`;

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
          { ...seed, seeder: options.seeder },
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

      it("reads a household of five with the statements of one subject, and writes nothing", async () => {
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
        // Which subjects the agency knows, and their stored pairs: two statements, no write.
        expect(one.statements).toBeLessThanOrEqual(2);
        expect(five.statements).toBe(one.statements);
        expect(one.writes + five.writes).toBe(0);
      });

      it("reads nothing and writes nothing for a subject linkage has not learned of; the subject feed links it before anyone reads", async () => {
        // A subject social care has just created (at intake): the identity of a subject the agency
        // holds records of, under a new id, so it is a rival for the same records.
        const known = subjectRecords.get(subjectIds[0] as string);
        if (!known) throw new Error("no subject");
        const fresh = {
          ...subjectRepresentation(known),
          id: "00000000-0000-4000-8000-00000000f00d",
        };
        const before = await harness.countStatements(MATCHES, { reps: [fresh] });
        expect(before.result.errors).toBeUndefined();
        expect(candidatesOf((before.result.data as Entities)._entities[0])).toEqual([]);
        expect(before.writes).toBe(0);

        const asked: (string | null)[] = [];
        const { __typename: _typename, ...identity } = fresh;
        const fetchPage: FetchSubjectChanges = async (after) => {
          asked.push(after);
          return after === null
            ? { subjects: [identity], endCursor: "page-1", hasMore: false }
            : { subjects: [], endCursor: after, hasMore: false };
        };
        const db = harness.prepared.database.db;
        const pulled = await options.pullSubjectChanges(db, fetchPage);
        expect(pulled.subjects).toBe(1);
        expect(pulled.outcome.proposed + pulled.outcome.linked).toBeGreaterThan(0);
        // The proposals are there for the first reader, and reading them writes nothing.
        const after = await harness.countStatements(MATCHES, { reps: [fresh] });
        expect(candidatesOf((after.result.data as Entities)._entities[0])?.length).toBeGreaterThan(
          0,
        );
        expect(after.writes).toBe(0);
        // The next pull starts where the last one ended.
        const again = await options.pullSubjectChanges(db, fetchPage);
        expect(asked).toEqual([null, "page-1"]);
        expect(again.subjects).toBe(0);
      });

      it("records a researcher's decisions; a rejected pair is never proposed again", async () => {
        const all = (await matchesOf(world.records.socialCare.map((r) => r.recordId))).flatMap(
          (entity) => candidatesOf(entity) ?? [],
        );
        const linkedRecords = new Set(
          all.filter((c) => c.status === "AUTO_LINKED").map((c) => recordIdOf(c)),
        );
        // One record, one person: a record linked to one subject cannot be confirmed for another.
        const linkedElsewhere = all.find(
          (c) => c.status === "PENDING" && linkedRecords.has(recordIdOf(c)),
        );
        if (linkedElsewhere) {
          const refused = await harness.execute(DECIDE, {
            input: { candidateId: linkedElsewhere.id, decision: "CONFIRM", reason: "Same person" },
          });
          expect(refused.errors?.[0]?.extensions).toMatchObject({
            code: "CONFLICT",
            reason: "RECORD_LINKED_ELSEWHERE",
          });
        }
        const pending = all.filter((candidate) => candidate.status === "PENDING");
        let toConfirm = pending.find((candidate) => !linkedRecords.has(recordIdOf(candidate)));
        if (!toConfirm && linkedElsewhere) {
          // The researcher's usual way out: revoke the wrong link, then confirm the right one.
          const wrong = all.find(
            (c) => c.status === "AUTO_LINKED" && recordIdOf(c) === recordIdOf(linkedElsewhere),
          ) as Candidate;
          const undone = await harness.execute(REVOKE, {
            input: { candidateId: wrong.id, reason: "Linked to the wrong subject" },
          });
          expect(undone.errors).toBeUndefined();
          toConfirm = linkedElsewhere;
        }
        const toReject = pending.find((candidate) => candidate !== toConfirm);
        if (!toConfirm || !toReject) throw new Error("the seeded world gives too few proposals");

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

      it("revokes a link with a reason: unlinked, never linked again, and in the history", async () => {
        const linked = (await matchesOf(subjectIds))
          .flatMap((entity) => candidatesOf(entity) ?? [])
          .find((candidate) => candidate.status === "AUTO_LINKED") as Candidate;
        expect(linked).toBeDefined();
        const revoked = await harness.execute(REVOKE, {
          input: { candidateId: linked.id, reason: "Wrong person: the PNC photo differs" },
        });
        expect(revoked.errors).toBeUndefined();
        const answer = revoked.data?.[revokeMutation] as {
          status: string;
          history: { kind: string; actor: string | null; reason: string | null }[];
        };
        expect(answer.status).toBe("REVOKED");
        expect(answer.history.map((event) => event.kind)).toEqual(["AUTO_LINKED", "REVOKED"]);
        expect(answer.history[1]).toMatchObject({
          actor: "test-all-seeing",
          reason: "Wrong person: the PNC photo differs",
        });
        const db = harness.prepared.database.db;
        const links = await db.select().from(tables.subjectLink);
        expect(
          links.some((l) => l.subjectId === linked.subjectId && l.recordId === recordIdOf(linked)),
        ).toBe(false);
        // Linkage run again over the record leaves the researcher's decision alone.
        await options.matchPeopleAfterImport(db, [String(recordIdOf(linked))]);
        const after = await db.select().from(tables.subjectLink);
        expect(
          after.some((l) => l.subjectId === linked.subjectId && l.recordId === recordIdOf(linked)),
        ).toBe(false);
        const again = await matchesOf([linked.subjectId]);
        expect(candidatesOf(again[0])?.some((c) => c.id === linked.id)).toBe(false);
        const twice = await harness.execute(REVOKE, {
          input: { candidateId: linked.id, reason: "Once more" },
        });
        expect(twice.errors?.[0]?.extensions).toMatchObject({
          code: "CONFLICT",
          reason: "NOT_LINKED",
        });
      });

      it("lists the researcher's review queue, conflicts first, for researcher and manager", async () => {
        const queue = await harness.execute(QUEUE, { first: 200 });
        expect(queue.errors).toBeUndefined();
        const pairs = queue.data?.[`${agency}ReviewQueue`] as {
          status: string;
          conflict: boolean;
        }[];
        expect(pairs.length).toBeGreaterThan(0);
        expect(pairs.every((pair) => pair.status === "PENDING")).toBe(true);
        const firstOrdinary = pairs.findIndex((pair) => !pair.conflict);
        expect(
          pairs.slice(firstOrdinary === -1 ? pairs.length : firstOrdinary).some((p) => p.conflict),
        ).toBe(false);
        const manager = callerWithRoles(["mash-manager"], "social-care");
        const managed = await harness.execute(QUEUE, { first: 5 }, manager);
        expect(managed.errors).toBeUndefined();
        const outsider = callerWithRoles(["mash-social-worker"], "social-care");
        const refused = await harness.execute(QUEUE, { first: 5 }, outsider);
        expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
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
        const revoke = await harness.execute(
          REVOKE,
          { input: { candidateId: "00000000-0000-4000-8000-000000000001", reason: "No" } },
          manager,
        );
        expect(revoke.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
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
        const again = await statements.measure(() => options.matchPeopleAfterImport(db, recordIds));
        expect(again.result).toMatchObject({ linked: 0, proposed: 0, withdrawn: 0 });
        expect(again.writes).toBe(0);
      });
    });
  }
}
