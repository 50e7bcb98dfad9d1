import { startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { testDatabases } from "@mash/test-suites/test-databases";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../../dev/seed.js";
import * as tables from "../../src/db/schema.js";
import { socialCareSubgraph } from "../../src/subgraph.js";
import {
  as,
  CLOSE,
  dataOf,
  errorOf,
  type Harness,
  type WorkflowEnquiry,
  workflowSteps,
} from "./workflow-support.js";

// A co-located agency practitioner takes up their agency's check on an enquiry from the work
// queue, and may then declare it as their purpose (docs/workflow.md, "Taking up a check").

const SEED = { seed: 11, subjects: 120 };

const TAKE_UP = `mutation TakeUp($id: ID!) {
  takeUpAgencyCheck(input: { enquiryId: $id }) { id status version }
}`;
const MY_ENQUIRIES = `{ myEnquiries { id } }`;
const AUTHORITY = `query Authority($id: ID!) { mashAuthority(enquiryId: $id) { enquiryId subjectIds } }`;

describe.each(testDatabases())("taking up an agency check on $name", (database) => {
  let harness: Harness;
  const police = as("police-officer");
  const { submit, openFor, rate, decide } = workflowSteps(() => harness);

  beforeAll(async () => {
    harness = await startSubgraphHarness(socialCareSubgraph, database, {
      ...SEED,
      seeder: socialCareSeeder,
    });
  });
  afterAll(() => harness?.close());

  function takeUp(enquiryId: string, authority = police) {
    return harness.execute(TAKE_UP, { id: enquiryId }, authority);
  }

  async function participantRows(enquiryId: string, principalId: string) {
    return harness.prepared.database.db
      .select()
      .from(tables.enquiryParticipant)
      .where(
        and(
          eq(tables.enquiryParticipant.enquiryId, enquiryId),
          eq(tables.enquiryParticipant.principalId, principalId),
        ),
      );
  }

  it("lets a police officer join an open enquiry, once, and then declare it as purpose", async () => {
    const enquiry = await openFor((await submit()).id);
    // Before: not theirs, so not a purpose they may declare.
    expect(errorOf(await harness.execute(AUTHORITY, { id: enquiry.id }, police))).toMatchObject({
      code: "FORBIDDEN",
      reason: "NOT_A_PARTICIPANT",
    });

    const first = dataOf<WorkflowEnquiry>(await takeUp(enquiry.id), "takeUpAgencyCheck");
    // Joining changes nothing a colleague is editing: the version is the same.
    expect(first).toEqual({ id: enquiry.id, status: "OPEN", version: enquiry.version });
    const [recorded] = await participantRows(enquiry.id, "dev-police-officer");
    expect(recorded).toMatchObject({ agency: "police", addedAt: expect.any(Date) });

    // Taking it up again, even twice at once (a double click), is fine and keeps the first record.
    const again = await Promise.all([takeUp(enquiry.id), takeUp(enquiry.id)]);
    for (const result of again) {
      expect(dataOf<WorkflowEnquiry>(result, "takeUpAgencyCheck").id).toBe(enquiry.id);
    }
    expect(await participantRows(enquiry.id, "dev-police-officer")).toEqual([recorded]);

    const mine = await harness.execute(MY_ENQUIRIES, {}, police);
    expect(dataOf<{ id: string }[]>(mine, "myEnquiries").map((e) => e.id)).toContain(enquiry.id);
    const authority = await harness.execute(AUTHORITY, { id: enquiry.id }, police);
    expect(dataOf<{ enquiryId: string }>(authority, "mashAuthority").enquiryId).toBe(enquiry.id);
  });

  it("lets the check be taken up while the enquiry is rated, not once it is decided or closed", async () => {
    const rated = dataOf<WorkflowEnquiry>(
      await rate(await openFor((await submit()).id)),
      "rateEnquiry",
    );
    const health = as("health-practitioner");
    expect(errorOf(await takeUp(rated.id, health))).toEqual({});

    const decided = dataOf<WorkflowEnquiry>(await decide(rated), "decideEnquiry");
    const probation = as("probation-officer");
    expect(errorOf(await takeUp(decided.id, probation))).toMatchObject({
      code: "INVALID_TRANSITION",
      from: "DECIDED",
      action: "TAKE_UP_CHECK",
    });
    const closed = dataOf<WorkflowEnquiry>(
      await harness.execute(
        CLOSE,
        { input: { enquiryId: decided.id, expectedVersion: decided.version } },
        as("manager"),
      ),
      "closeEnquiry",
    );
    expect(errorOf(await takeUp(closed.id, probation))).toMatchObject({
      code: "INVALID_TRANSITION",
      from: "CLOSED",
    });
    expect(await participantRows(closed.id, "dev-probation-officer")).toEqual([]);
  });

  it("refuses a referrer, an unknown enquiry and a malformed id, each with its code", async () => {
    const enquiry = await openFor((await submit()).id);
    const byReferrer = await takeUp(enquiry.id, as("referrer"));
    expect(byReferrer.data?.takeUpAgencyCheck ?? null).toBeNull();
    expect(errorOf(byReferrer).code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    expect(await participantRows(enquiry.id, "dev-referrer-teacher")).toEqual([]);

    expect(errorOf(await takeUp(crypto.randomUUID())).code).toBe("NOT_FOUND");
    expect(errorOf(await takeUp("not-an-id"))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.enquiryId",
    });
  });
});
