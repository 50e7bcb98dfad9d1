import { randomUUID } from "node:crypto";
import type {
  BaseRequestContext,
  SubgraphDefinition,
} from "@mash/platform/subgraph/define-subgraph";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SubgraphHarness, startSubgraphHarness } from "./subgraph-harness.js";
import { testDatabases } from "./test-databases.js";

// An agency's check wired to the shared runtime: the same test for every agency whose check is
// only that wiring (the police tests cover every rule of the status itself).

export interface AgencyCheckWiringOptions<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  subgraph: SubgraphDefinition<TTables, TContext>;
  /** The agency's development seeder (`dev/seed.ts`). */
  seeder: SubgraphSeeder<TTables>;
  /** The agency as the principal carries it, e.g. "health". */
  agency: string;
  /** What the test names call it, e.g. "Health". */
  label: string;
  /** A role that answers the agency's checks, e.g. "mash-health-practitioner". */
  practitionerRole: string;
  /** `Enquiry.<agency>Check`, e.g. "healthCheck". */
  checkField: string;
  /** The agency's disclosure mutation, e.g. "recordHealthDisclosure". */
  recordMutation: string;
  /** The `Agency` enum value the check reports, e.g. "HEALTH". */
  agencyValue: string;
}

const SUBJECT = "00000000-0000-4000-8000-0000000000a1";
const HOUR = 60 * 60 * 1000;

/** An enquiry as the gateway passes it for `@requires`: checks requested 2 h ago, due 1 h ago. */
const overdueEnquiry = (id: string) => ({
  __typename: "Enquiry",
  id,
  checksRequestedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  checksDueAt: new Date(Date.now() - HOUR).toISOString(),
});

export function describeAgencyCheckWiring<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(options: AgencyCheckWiringOptions<TTables, TContext>): void {
  const record = `mutation Record($input: RecordDisclosureInput!) {
    ${options.recordMutation}(input: $input) { decision }
  }`;
  const statuses = `query Statuses($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Enquiry { ${options.checkField} { agency status declineReason } }
    }
  }`;
  const practitionerOn = (enquiryId: string): RequestAuthority => ({
    principal: {
      id: `test-${options.agency}`,
      displayName: "Test",
      agency: options.agency,
      roles: [options.practitionerRole],
    },
    purpose: { enquiryId, subjectIds: [SUBJECT] },
    breakGlass: [],
  });

  describe.each(testDatabases())(`${options.label} agency check on $name`, (database) => {
    let harness: SubgraphHarness<TTables, TContext>;

    beforeAll(async () => {
      harness = await startSubgraphHarness(options.subgraph, database, {
        seeder: options.seeder,
        seed: 11,
        subjects: 20,
      });
    });
    afterAll(() => harness?.close());

    it("reports a declined check, and overdue ones for 50 enquiries in one statement", async () => {
      const enquiries = Array.from({ length: 50 }, () => randomUUID());
      const declined = enquiries[0] ?? "";
      const reason = "Not proportionate before the strategy discussion.";
      const recorded = await harness.execute(
        record,
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
        harness.execute(
          statuses,
          { reps: enquiries.map(overdueEnquiry) },
          practitionerOn(declined),
        ),
      );
      // The other 49 enquiries are not the purpose: their statuses show, their words do not.
      expect(result.errors?.map((error) => error.extensions?.reason)).toEqual(
        Array(49).fill("OUTSIDE_PURPOSE"),
      );
      const entities = (result.data?._entities ?? []) as Record<string, Record<string, unknown>>[];
      const checks = entities.map((entity) => entity[options.checkField]);
      expect(checks[0]).toEqual({
        agency: options.agencyValue,
        status: "DECLINED",
        declineReason: reason,
      });
      expect(checks.slice(1).every((check) => check?.status === "OVERDUE")).toBe(true);
      expect(statements).toBe(1);
    });
  });
}
