import { generateWorld, truthLinks } from "@mash/runtime/synthetic/world";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/runtime/testing/subgraph-harness";
import { subjectRepresentation } from "@mash/runtime/testing/subject-representation";
import { allSeeingAuthority, callerWithRoles } from "@mash/runtime/testing/test-authorities";
import { testDatabases } from "@mash/runtime/testing/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PoliceContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { matchPeopleAfterImport } from "../src/matching/after-import.js";
import { policeSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 300 };
const world = generateWorld(SEED);
const truth = truthLinks(world).filter((link) => link.agency === "police");
const subjectRecords = new Map(world.records.socialCare.map((record) => [record.recordId, record]));

const MATCHES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Subject { id policeMatches { id subjectId nominalId score band status reasons { field agreement weight } decidedBy decisionReason } }
  }
}`;

const DECIDE = `mutation ($input: DecideMatchInput!) {
  decidePoliceMatch(input: $input) { id status decidedBy decisionReason decidedAt }
}`;

interface Candidate {
  id: string;
  subjectId: string;
  nominalId: string;
  score: number;
  band: string;
  status: string;
  reasons: { field: string; agreement: string; weight: number }[];
}

type Entities = { _entities: { id: string; policeMatches: Candidate[] | null }[] };

function representations(subjectIds: readonly string[]) {
  return subjectIds.map((id) => {
    const record = subjectRecords.get(id);
    if (!record) throw new Error("unknown subject");
    return subjectRepresentation(record);
  });
}

for (const database of testDatabases()) {
  describe(`police record matching (${database.name})`, () => {
    let harness: SubgraphHarness<typeof tables, PoliceContext>;
    const subjectIds = [...new Set(truth.map((link) => link.subjectId))];

    beforeAll(async () => {
      harness = await startSubgraphHarness(
        policeSubgraph,
        database,
        SEED,
        allSeeingAuthority(subjectIds, "police"),
      );
    }, 120_000);
    afterAll(() => harness?.close());

    async function matchesOf(ids: readonly string[]) {
      const result = await harness.execute(MATCHES, { reps: representations(ids) });
      expect(result.errors).toBeUndefined();
      return (result.data as Entities)._entities;
    }

    it("finds each subject's own nominal, with band and reasons", async () => {
      const sample = subjectIds.slice(0, 40);
      const entities = await matchesOf(sample);
      let found = 0;
      for (const entity of entities) {
        const expected = truth
          .filter((link) => link.subjectId === entity.id)
          .map((l) => l.recordId);
        const proposed = (entity.policeMatches ?? []).filter((c) => c.band !== "POSSIBLE");
        if (expected.some((id) => proposed.some((c) => c.nominalId === id))) found++;
        for (const candidate of entity.policeMatches ?? []) {
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
      // At most: remember identities, stored pairs, blocked nominals, their aliases, store pairs,
      // link CERTAIN ones. One member may skip the last steps (nothing found), five never add any.
      expect(one.statements).toBeLessThanOrEqual(6);
      expect(five.statements).toBeLessThanOrEqual(6);
    });

    it("records a researcher's decisions; a rejected pair is never proposed again", async () => {
      const pending = (await matchesOf(world.records.socialCare.map((r) => r.recordId)))
        .flatMap((entity) => entity.policeMatches ?? [])
        .filter((candidate) => candidate.status === "PENDING");
      expect(pending.length).toBeGreaterThanOrEqual(2);
      const [toConfirm, toReject] = pending as [Candidate, Candidate];

      const confirmed = await harness.execute(DECIDE, {
        input: { candidateId: toConfirm.id, decision: "CONFIRM", reason: "Same person: PNC photo" },
      });
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data?.decidePoliceMatch).toMatchObject({
        status: "CONFIRMED",
        decidedBy: "test-all-seeing",
        decisionReason: "Same person: PNC photo",
      });
      const links = await harness.prepared.database.db.select().from(tables.subjectLink);
      const link = links.find(
        (row) => row.subjectId === toConfirm.subjectId && row.recordId === toConfirm.nominalId,
      );
      expect(link?.source).toBe("researcher_confirmed");

      const rejected = await harness.execute(DECIDE, {
        input: { candidateId: toReject.id, decision: "REJECT", reason: "Different person" },
      });
      expect(rejected.errors).toBeUndefined();
      const again = await matchesOf([toReject.subjectId]);
      expect(again[0]?.policeMatches?.some((c) => c.nominalId === toReject.nominalId)).toBe(false);

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
      expect(decide.data?.decidePoliceMatch ?? null).toBeNull();
      expect(decide.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });

    it("matches imported nominals against known subjects, linearly", async () => {
      const db = harness.prepared.database.db;
      // Forget the links and pairs of the subjects imported here, as if their nominals were new.
      const imported = truth.slice(0, 60);
      const nominalIds = [...new Set(imported.map((link) => link.recordId))];
      await db.delete(tables.matchCandidate);
      await db.delete(tables.subjectLink);
      const statements = harness.prepared.database.statements;
      const few = await statements.measure(() =>
        matchPeopleAfterImport(db, nominalIds.slice(0, 5)),
      );
      const many = await statements.measure(() => matchPeopleAfterImport(db, nominalIds.slice(5)));
      expect(many.statements).toBe(few.statements);
      const outcome = {
        linked: few.result.linked + many.result.linked,
        proposed: few.result.proposed + many.result.proposed,
      };
      expect(outcome.linked).toBeGreaterThan(0);
      const links = await db.select().from(tables.subjectLink);
      const known = new Set(imported.map((link) => `${link.subjectId}|${link.recordId}`));
      // Every automatic link is a true one.
      for (const link of links) expect(known.has(`${link.subjectId}|${link.recordId}`)).toBe(true);
      // Run twice, nothing new: decided pairs stay decided, unchanged pending pairs are not rewritten.
      expect(await matchPeopleAfterImport(db, nominalIds)).toEqual({ linked: 0, proposed: 0 });
    });
  });
}
