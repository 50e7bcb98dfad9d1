import { randomUUID } from "node:crypto";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policeSeeder } from "../dev/seed.js";
import type { PoliceContext } from "../src/context.js";
import type * as tables from "../src/db/schema.js";
import { policeSubgraph } from "../src/subgraph.js";

// The police answer agency checks for MASH enquiries, and report where each check stands. The
// other agencies run the same runtime code (record-disclosure.ts, agency-check.ts).

const RECORD = `mutation Record($input: RecordDisclosureInput!) {
  recordPoliceDisclosure(input: $input) { decision summary sharedRecordIds declineReason }
}`;

const CHECKS = `query Checks($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Enquiry { id policeCheck { agency status requestedAt dueAt answeredAt summary declineReason } }
  }
}`;

const STATUSES = `query Statuses($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Enquiry { policeCheck { status dueAt } } }
}`;

const HOUR = 60 * 60 * 1000;
const SUBJECT = "00000000-0000-4000-8000-0000000000a1";
const SHARE = {
  decision: "SHARED",
  subjectIds: [SUBJECT],
  summary: "Two domestic abuse incidents in the last year, latest assessed medium risk.",
  sharedRecordIds: ["incident-1"],
  lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK"],
};

/** A police officer working on one enquiry about SUBJECT. */
function officerOn(enquiryId: string): RequestAuthority {
  const all = allSeeingAuthority([SUBJECT], "police");
  return {
    principal: {
      id: "test-police-officer",
      displayName: "Test police officer",
      agency: "police",
      roles: ["mash-police-officer"],
    },
    purpose: { enquiryId, subjectIds: [SUBJECT] },
    breakGlass: all.breakGlass,
  };
}

function enquiryRep(id: string, requestedAt: Date | null, dueAt: Date | null) {
  return {
    __typename: "Enquiry",
    id,
    checksRequestedAt: requestedAt?.toISOString() ?? null,
    checksDueAt: dueAt?.toISOString() ?? null,
  };
}

/** The checks in an `_entities` answer, in representation order. */
function checksIn(data: Record<string, unknown> | null | undefined): Check[] {
  const entities = (data?._entities ?? []) as { policeCheck: Check }[];
  return entities.map((entity) => entity.policeCheck);
}

interface Check {
  agency: string;
  status: string;
  requestedAt: string | null;
  dueAt: string | null;
  answeredAt: string | null;
  summary: string | null;
  declineReason: string | null;
}

describe.each(testDatabases())("police agency checks on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, PoliceContext>;

  beforeAll(async () => {
    harness = await startSubgraphHarness(policeSubgraph, database, {
      seeder: policeSeeder,
      seed: 11,
      subjects: 20,
    });
  });
  afterAll(() => harness?.close());

  async function record(enquiryId: string, input: Record<string, unknown>) {
    return harness.execute(RECORD, { input: { enquiryId, ...input } }, officerOn(enquiryId));
  }

  async function checkOf(enquiryId: string, requestedAt: Date | null, dueAt: Date | null) {
    const result = await harness.execute(
      CHECKS,
      { reps: [enquiryRep(enquiryId, requestedAt, dueAt)] },
      officerOn(enquiryId),
    );
    expect(result.errors).toBeUndefined();
    return checksIn(result.data)[0];
  }

  it("answers a check each way, and the check reports the answer", async () => {
    const requested = new Date(Date.now() - HOUR);
    const due = new Date(Date.now() + HOUR);

    const shared = randomUUID();
    expect((await record(shared, SHARE)).errors).toBeUndefined();
    expect(await checkOf(shared, requested, due)).toMatchObject({
      agency: "POLICE",
      status: "DONE",
      requestedAt: requested.toISOString(),
      dueAt: due.toISOString(),
      summary: SHARE.summary,
      declineReason: null,
    });

    const nothing = randomUUID();
    const none = await record(nothing, { decision: "NOTHING_KNOWN", subjectIds: [SUBJECT] });
    expect(none.errors).toBeUndefined();
    expect(await checkOf(nothing, requested, due)).toMatchObject({ status: "NOTHING_KNOWN" });

    const declined = randomUUID();
    const reason = "Disclosure would prejudice a live criminal investigation.";
    const refusal = await record(declined, {
      decision: "DECLINED",
      subjectIds: [SUBJECT],
      declineReason: reason,
    });
    expect(refusal.errors).toBeUndefined();
    const check = await checkOf(declined, requested, due);
    expect(check).toMatchObject({ status: "DECLINED", declineReason: reason, summary: null });
    expect(check?.answeredAt).not.toBeNull();
  });

  it("reports PENDING, OVERDUE and NOT_REQUESTED for a check not yet answered", async () => {
    const enquiry = randomUUID();
    const requested = new Date(Date.now() - 2 * HOUR);
    expect(await checkOf(enquiry, requested, new Date(Date.now() + HOUR))).toMatchObject({
      status: "PENDING",
      answeredAt: null,
    });
    expect(await checkOf(enquiry, requested, new Date(Date.now() - HOUR))).toMatchObject({
      status: "OVERDUE",
    });
    expect(await checkOf(enquiry, requested, null)).toMatchObject({ status: "PENDING" });
    expect(await checkOf(enquiry, null, null)).toMatchObject({
      status: "NOT_REQUESTED",
      requestedAt: null,
    });
  });

  it.each([
    [
      "DECLINED without a reason",
      { decision: "DECLINED" },
      { field: "input.declineReason", reason: "REQUIRED" },
    ],
    [
      "DECLINED with a blank reason",
      { decision: "DECLINED", declineReason: "   " },
      { field: "input.declineReason", reason: "REQUIRED" },
    ],
    [
      "DECLINED with a summary",
      { decision: "DECLINED", declineReason: "Live investigation.", summary: "Known." },
      { field: "input.summary", reason: "NOT_FOR_THIS_DECISION" },
    ],
    [
      "NOTHING_KNOWN with shared records",
      { decision: "NOTHING_KNOWN", sharedRecordIds: ["incident-1"] },
      { field: "input.sharedRecordIds", reason: "NOT_FOR_THIS_DECISION" },
    ],
    [
      "SHARED with a decline reason",
      { ...SHARE, declineReason: "Not really declining." },
      { field: "input.declineReason", reason: "NOT_FOR_THIS_DECISION" },
    ],
    [
      "SHARED without a summary",
      { ...SHARE, summary: null },
      { field: "input.summary", reason: "REQUIRED" },
    ],
    [
      "SHARED without a lawful basis",
      { ...SHARE, lawfulBasis: [] },
      { field: "input.lawfulBasis", reason: "REQUIRED" },
    ],
  ])("refuses %s, recording nothing", async (_case, input, expected) => {
    const enquiry = randomUUID();
    const result = await record(enquiry, { subjectIds: [SUBJECT], ...input });
    expect(result.data?.recordPoliceDisclosure).toBeNull();
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", ...expected });
    const check = await checkOf(enquiry, new Date(Date.now() - HOUR), null);
    expect(check?.status).toBe("PENDING");
  });

  it("releases the answer's words only under the enquiry as purpose; the status to all on it", async () => {
    const enquiry = randomUUID();
    expect((await record(enquiry, SHARE)).errors).toBeUndefined();
    const elsewhere = officerOn(randomUUID());
    const result = await harness.execute(
      CHECKS,
      { reps: [enquiryRep(enquiry, new Date(Date.now() - HOUR), null)] },
      elsewhere,
    );
    const check = checksIn(result.data)[0];
    expect(check).toMatchObject({ status: "DONE", summary: null });
    expect(result.errors?.map((error) => error.extensions?.reason)).toContain("OUTSIDE_PURPOSE");
  });

  it("shows the status with no purpose declared (a work queue), but not the words", async () => {
    const enquiry = randomUUID();
    expect((await record(enquiry, SHARE)).errors).toBeUndefined();
    const queue = { ...officerOn(enquiry), purpose: null };
    const result = await harness.execute(
      CHECKS,
      { reps: [enquiryRep(enquiry, new Date(Date.now() - HOUR), null)] },
      queue,
    );
    expect(checksIn(result.data)[0]).toMatchObject({ status: "DONE", summary: null });
    expect(result.errors?.map((error) => error.path?.join("."))).toEqual([
      "_entities.0.policeCheck.summary",
      "_entities.0.policeCheck.declineReason",
    ]);
  });

  it("refuses the status to a caller who may not know whether the police know someone", async () => {
    const enquiry = randomUUID();
    const auditor: RequestAuthority = {
      principal: {
        id: "test-dpo",
        displayName: "Test DPO",
        agency: "social-care",
        roles: ["data-protection-officer"],
      },
      purpose: null,
      breakGlass: [],
    };
    const result = await harness.execute(
      STATUSES,
      { reps: [enquiryRep(enquiry, new Date(), null)] },
      auditor,
    );
    expect(checksIn(result.data)[0]).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
  });

  it("costs one statement for a work queue of 50 enquiries, however many answered", async () => {
    const enquiries = Array.from({ length: 50 }, () => randomUUID());
    for (const enquiry of enquiries.slice(0, 5)) {
      expect((await record(enquiry, SHARE)).errors).toBeUndefined();
    }
    const requested = new Date(Date.now() - HOUR);
    const reps = enquiries.map((id) => enquiryRep(id, requested, new Date(Date.now() + HOUR)));
    const { result, statements } = await harness.prepared.database.statements.measure(() =>
      harness.execute(STATUSES, { reps }, officerOn(enquiries[0] ?? "")),
    );
    expect(result.errors).toBeUndefined();
    const statuses = checksIn(result.data).map((check) => check.status);
    expect(statuses.filter((status) => status === "DONE")).toHaveLength(5);
    expect(statuses.filter((status) => status === "PENDING")).toHaveLength(45);
    expect(statements).toBe(1);
  });

  it("refuses a representation whose required dates are not instants", async () => {
    const enquiry = randomUUID();
    const result = await harness.execute(
      STATUSES,
      { reps: [{ __typename: "Enquiry", id: enquiry, checksRequestedAt: "yesterday" }] },
      officerOn(enquiry),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "representations.checksRequestedAt",
    });
  });
});
