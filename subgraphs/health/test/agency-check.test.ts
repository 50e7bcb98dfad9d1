import { randomUUID } from "node:crypto";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/runtime/testing/subgraph-harness";
import { testDatabases } from "@mash/runtime/testing/test-databases";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthContext } from "../src/context.js";
import type * as tables from "../src/db/schema.js";
import { healthSubgraph } from "../src/subgraph.js";

// Health's agency check, wired to the shared runtime (the police tests cover every rule).

const SUBJECT = "00000000-0000-4000-8000-0000000000a1";
const HOUR = 60 * 60 * 1000;

const RECORD = `mutation Record($input: RecordDisclosureInput!) {
  recordHealthDisclosure(input: $input) { decision }
}`;
const STATUSES = `query Statuses($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Enquiry { healthCheck { agency status declineReason } } }
}`;

function practitionerOn(enquiryId: string): RequestAuthority {
  return {
    principal: {
      id: "test-health",
      displayName: "Test",
      agency: "health",
      roles: ["mash-health-practitioner"],
    },
    purpose: { enquiryId, subjectIds: [SUBJECT] },
    breakGlass: [],
  };
}

const rep = (id: string) => ({
  __typename: "Enquiry",
  id,
  checksRequestedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  checksDueAt: new Date(Date.now() - HOUR).toISOString(),
});

describe.each(testDatabases())("Health agency check on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, HealthContext>;

  beforeAll(async () => {
    harness = await startSubgraphHarness(healthSubgraph, database, { seed: 11, subjects: 20 });
  });
  afterAll(() => harness?.close());

  it("reports a declined check, and overdue ones for 50 enquiries in one statement", async () => {
    const enquiries = Array.from({ length: 50 }, () => randomUUID());
    const declined = enquiries[0] ?? "";
    const reason = "Not proportionate before the strategy discussion.";
    const recorded = await harness.execute(
      RECORD,
      {
        input: {
          enquiryId: declined,
          decision: "DECLINED",
          subjectIds: [SUBJECT],
          declineReason: reason,
        },
      },
      practitionerOn(declined),
    );
    expect(recorded.errors).toBeUndefined();

    const { result, statements } = await harness.prepared.database.statements.measure(() =>
      harness.execute(STATUSES, { reps: enquiries.map(rep) }, practitionerOn(declined)),
    );
    // The other 49 enquiries are not the purpose: their statuses show, their words do not.
    expect(result.errors?.map((error) => error.extensions?.reason)).toEqual(
      Array(49).fill("OUTSIDE_PURPOSE"),
    );
    const checks = (result.data?._entities ?? []) as { healthCheck: Record<string, unknown> }[];
    expect(checks[0]?.healthCheck).toEqual({
      agency: "HEALTH",
      status: "DECLINED",
      declineReason: reason,
    });
    expect(checks.slice(1).every((check) => check.healthCheck.status === "OVERDUE")).toBe(true);
    expect(statements).toBe(1);
  });
});
