import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { testDatabases } from "@mash/test-suites/test-databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../../dev/seed.js";
import * as tables from "../../src/db/schema.js";
import { socialCareSubgraph } from "../../src/subgraph.js";
import {
  as,
  dataOf,
  errorOf,
  type Harness,
  type WorkflowEnquiry,
  workflowSteps,
} from "./workflow-support.js";

// The workflow takes nothing on trust (issue 16, item 8): a decision's outstanding checks come from
// the agencies' own statuses, each agency's queue holds the enquiries that asked it, one rule says
// whether a check is answered, and only an agency that was asked may take a check up.

const SEED = { seed: 11, subjects: 120 };

/**
 * `Enquiry.decisionBasis` as the gateway resolves it: an `_entities` call carrying the other
 * agencies' check statuses it fetched from them (`@requires`).
 */
const BASIS = `query Basis($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Enquiry { decisionBasis { outstandingAgencies token checks { agency status } } }
  }
}`;

interface Basis {
  outstandingAgencies: string[];
  token: string;
  checks: { agency: string; status: string }[];
}

describe.each(testDatabases())("the workflow made honest on $name", (database) => {
  let harness: Harness;
  const manager = as("manager");
  const { submit, openFor, rate, decide } = workflowSteps(() => harness);

  beforeAll(async () => {
    harness = await startSubgraphHarness(socialCareSubgraph, database, {
      ...SEED,
      seeder: socialCareSeeder,
    });
  });
  afterAll(() => harness?.close());

  async function rated(agencies?: string[]) {
    const opened = await openFor((await submit()).id, agencies);
    return dataOf<WorkflowEnquiry>(await rate(opened), "rateEnquiry");
  }

  async function basisFor(enquiryId: string, statuses: Record<string, string>) {
    const representation: Record<string, unknown> = { __typename: "Enquiry", id: enquiryId };
    for (const [agency, status] of Object.entries(statuses)) {
      representation[`${agency}Check`] = { agency: agency.toUpperCase(), status };
    }
    const result = await harness.execute(BASIS, { reps: [representation] }, manager);
    const entities = dataOf<{ decisionBasis: Basis }[]>(result, "_entities");
    const basis = entities[0]?.decisionBasis;
    if (!basis) throw new Error("no decision basis");
    return basis;
  }

  async function answerForSocialCare(enquiryId: string, decidedAt = new Date()) {
    await harness.prepared.database.db.insert(tables.disclosure).values({
      id: crypto.randomUUID(),
      enquiryId,
      subjectIds: [],
      decision: "nothing_known",
      sharedRecordIds: [],
      lawfulBasis: [],
      recipients: "MASH",
      decidedAt,
      decidedBy: "dev-social-worker",
      decidedByAgency: "social-care",
    });
  }

  describe("a decision's outstanding checks are derived from the checks' statuses", () => {
    it("takes the other agencies' statuses from the signed basis, and social care's from its own answers", async () => {
      const enquiry = await rated();
      const basis = await basisFor(enquiry.id, {
        police: "DONE",
        health: "OVERDUE",
        probation: "NOTHING_KNOWN",
      });
      expect(basis.outstandingAgencies).toEqual(["SOCIAL_CARE", "HEALTH"]);
      expect(basis.checks).toEqual([
        { agency: "SOCIAL_CARE", status: "PENDING" },
        { agency: "POLICE", status: "DONE" },
        { agency: "HEALTH", status: "OVERDUE" },
        { agency: "PROBATION", status: "NOTHING_KNOWN" },
      ]);
      // Social care answers after the basis was read: its own status is read again at decision.
      await answerForSocialCare(enquiry.id);
      const refused = await decide(enquiry, {
        checksBasis: basis.token,
        outstandingChecksOverrideReason: null,
      });
      expect(errorOf(refused)).toMatchObject({
        code: "CHECKS_OUTSTANDING",
        outstandingAgencies: ["HEALTH"],
      });
      const decided = dataOf<{ decision: { outstandingAgencies: string[] } }>(
        await decide(enquiry, {
          checksBasis: basis.token,
          outstandingChecksOverrideReason: "Health is overdue; early help is safe to start now.",
        }),
        "decideEnquiry",
      );
      expect(decided.decision.outstandingAgencies).toEqual(["HEALTH"]);
    });

    it("decides without a reason once every agency asked has answered, and counts unavailable ones as outstanding", async () => {
      const enquiry = await rated();
      await answerForSocialCare(enquiry.id);
      const unavailable = await basisFor(enquiry.id, {
        police: "DECLINED",
        health: "AGENCY_UNAVAILABLE",
        probation: "DONE",
      });
      expect(unavailable.outstandingAgencies).toEqual(["HEALTH"]);
      const answered = await basisFor(enquiry.id, {
        police: "DECLINED",
        health: "NOTHING_KNOWN",
        probation: "DONE",
      });
      expect(answered.outstandingAgencies).toEqual([]);
      const decided = await decide(enquiry, {
        checksBasis: answered.token,
        outstandingChecksOverrideReason: null,
      });
      expect(dataOf<{ status: string }>(decided, "decideEnquiry").status).toBe("DECIDED");
    });

    it("refuses a basis the client wrote or altered, or one for another enquiry", async () => {
      const enquiry = await rated();
      const other = await rated();
      await answerForSocialCare(enquiry.id);
      const basis = await basisFor(enquiry.id, {
        police: "PENDING",
        health: "PENDING",
        probation: "PENDING",
      });
      const [payload, signature] = basis.token.split(".");
      const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
      claims.s = { police: "done", health: "done", probation: "done" };
      const forged = `${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
      const noReason = { outstandingChecksOverrideReason: null };
      expect(errorOf(await decide(enquiry, { checksBasis: forged, ...noReason }))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.checksBasis",
        reason: "INVALID_SIGNATURE",
      });
      expect(errorOf(await decide(enquiry, { checksBasis: "x", ...noReason }))).toMatchObject({
        reason: "MALFORMED",
      });
      expect(errorOf(await decide(other, { checksBasis: basis.token, ...noReason }))).toMatchObject(
        { reason: "STALE_CHECKS_BASIS" },
      );
    });

    it("counts only the agencies the enquiry asked", async () => {
      const enquiry = await rated(["SOCIAL_CARE", "POLICE"]);
      expect(enquiry).toMatchObject({ id: expect.any(String) });
      await answerForSocialCare(enquiry.id);
      // Health and probation were not asked: they say NOT_REQUESTED and owe nothing.
      const basis = await basisFor(enquiry.id, {
        police: "DONE",
        health: "NOT_REQUESTED",
        probation: "NOT_REQUESTED",
      });
      expect(basis.outstandingAgencies).toEqual([]);
      expect(basis.checks.map((check) => check.agency)).toEqual(["SOCIAL_CARE", "POLICE"]);
      // Without a basis, police (asked) is outstanding; health and probation are not.
      expect(
        errorOf(await decide(enquiry, { outstandingChecksOverrideReason: null })),
      ).toMatchObject({ code: "CHECKS_OUTSTANDING", outstandingAgencies: ["POLICE"] });
    });

    it("shows the basis to the manager only", async () => {
      const enquiry = await rated();
      const result = await harness.execute(
        BASIS,
        { reps: [{ __typename: "Enquiry", id: enquiry.id }] },
        as("social-worker"),
      );
      expect(errorOf(result).code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    });
  });

  describe("work queues per agency, by one rule", () => {
    const queue = async (agency: string) =>
      dataOf<{ id: string; requestedAgencies: string[] }[]>(
        await harness.execute(
          `query Q($agency: Agency) { workQueue(first: 200, agency: $agency) { id requestedAgencies } }`,
          { agency },
          manager,
        ),
        "workQueue",
      ).map((entry) => entry.id);

    it("gives each agency the enquiries that asked it", async () => {
      const policeOnly = await rated(["POLICE"]);
      const all = await rated();
      const police = await queue("POLICE");
      const health = await queue("HEALTH");
      expect(police).toEqual(expect.arrayContaining([policeOnly.id, all.id]));
      expect(health).toContain(all.id);
      expect(health).not.toContain(policeOnly.id);
      expect(await queue("SOCIAL_CARE")).not.toContain(policeOnly.id);
    });

    it("keeps an enquiry in social care's queue while its check is pending, even with an answer to an earlier request", async () => {
      const enquiry = await rated();
      const [row] = await harness.prepared.database.db
        .select()
        .from(tables.enquiry)
        .where(eq(tables.enquiry.id, enquiry.id));
      const requestedAt = row?.checksRequestedAt ?? new Date(0);
      await answerForSocialCare(enquiry.id, new Date(requestedAt.getTime() - 60_000));
      const check = await harness.execute(
        `query E($id: ID!) { enquiry(id: $id) { socialCareCheck { status } } }`,
        { id: enquiry.id },
        manager,
      );
      expect(dataOf<{ socialCareCheck: { status: string } }>(check, "enquiry")).toEqual({
        socialCareCheck: { status: "PENDING" },
      });
      expect(await queue("SOCIAL_CARE")).toContain(enquiry.id);
      await answerForSocialCare(enquiry.id, requestedAt);
      expect(await queue("SOCIAL_CARE")).not.toContain(enquiry.id);
    });
  });

  describe("take-up", () => {
    it("lets only an agency the enquiry asked take up its check", async () => {
      const enquiry = await rated(["SOCIAL_CARE", "POLICE"]);
      const takeUp = (persona: string) =>
        harness.execute(
          `mutation T($id: ID!) { takeUpAgencyCheck(input: { enquiryId: $id }) { id } }`,
          { id: enquiry.id },
          as(persona),
        );
      expect(errorOf(await takeUp("probation-officer"))).toMatchObject({
        code: "FORBIDDEN",
        reason: "AGENCY_NOT_REQUESTED",
      });
      expect(errorOf(await takeUp("health-practitioner")).reason).toBe("AGENCY_NOT_REQUESTED");
      expect((await takeUp("police-officer")).errors).toBeUndefined();
      const joined = await harness.prepared.database.db
        .select()
        .from(tables.enquiryParticipant)
        .where(eq(tables.enquiryParticipant.enquiryId, enquiry.id));
      expect(joined.map((row) => row.agency).sort()).toEqual(["police", "social-care"]);
    });

    it("refuses an enquiry that asks no agency", async () => {
      const contact = await submit();
      const result = await harness.execute(
        `mutation O($id: ID!) { openEnquiry(input: { contactId: $id, agencies: [] }) { id } }`,
        { id: contact.id },
        as("social-worker"),
      );
      expect(errorOf(result)).toMatchObject({ field: "input.agencies", reason: "REQUIRED" });
    });
  });
});

describe("the deadline configuration is validated at start", () => {
  const folder = mkdtempSync(join(tmpdir(), "mash-deadlines-"));

  async function startWith(env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const prepared = await prepareSubgraph(socialCareSubgraph, {
        target: { kind: "pglite" },
      });
      await prepared.database.close();
    } finally {
      for (const key of Object.keys(env)) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  }

  it("refuses to start with an invalid deadline file, naming the problem", async () => {
    const broken = join(folder, "deadlines.json");
    writeFileSync(broken, JSON.stringify({ area: "x", timeZone: "Mars/Olympus" }));
    await expect(startWith({ RATING_DEADLINES_FILE: broken })).rejects.toThrow(
      /Invalid rating deadlines configuration/,
    );
  });

  it("refuses to start with bank holiday data it cannot read", async () => {
    const broken = join(folder, "holidays.json");
    writeFileSync(broken, JSON.stringify({ "england-and-wales": { events: [{ date: "soon" }] } }));
    await expect(startWith({ BANK_HOLIDAYS_FILE: broken })).rejects.toThrow(
      /Invalid bank holiday data/,
    );
  });

  it("starts with the committed configuration", async () => {
    await expect(startWith({})).resolves.toBeUndefined();
  });
});
