import { PERSONAS } from "@mash/schema/authorization/personas";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import type { GraphQLResult, SubgraphHarness } from "@mash/test-suites/subgraph-harness";
import type { SocialCareContext } from "../../src/context.js";
import type * as tables from "../../src/db/schema.js";

export type Harness = SubgraphHarness<typeof tables, SocialCareContext>;

/** A persona as the gateway would sign it on, with an optional purpose. */
export function as(key: string, extra: Partial<RequestAuthority> = {}): RequestAuthority {
  const found = PERSONAS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return {
    principal: {
      id: found.id,
      displayName: found.displayName,
      agency: found.agency,
      roles: [...found.roles],
    },
    purpose: null,
    breakGlass: [],
    ...extra,
  };
}

/** Another referrer (same role as the persona, another person). */
export const OTHER_REFERRER: RequestAuthority = {
  principal: {
    id: "test-other-referrer",
    displayName: "Another teacher",
    agency: "education",
    roles: ["professional-referrer"],
  },
  purpose: null,
  breakGlass: [],
};

export const SUBMIT = `mutation Submit($input: SubmitContactInput!) {
  submitContact(input: $input) { id status receivedAt concern outcome feedback }
}`;
export const OPEN = `mutation Open($id: ID!, $agencies: [Agency!]) {
  openEnquiry(input: { contactId: $id, agencies: $agencies }) { id status version checksRequestedAt checksDueAt rating requestedAgencies checkSubjects { id } subject { id } }
}`;
export const RATE = `mutation Rate($input: RateEnquiryInput!) {
  rateEnquiry(input: $input) { id status version rating checksDueAt ratingHistory { from to rationale changedBy dueAt } }
}`;
export const DECIDE = `mutation Decide($input: DecideEnquiryInput!) {
  decideEnquiry(input: $input) { id status version decision { outcome rationale referrerFeedback outstandingAgencies outstandingChecksOverrideReason decidedBy } }
}`;
export const CLOSE = `mutation Close($input: CloseEnquiryInput!) {
  closeEnquiry(input: $input) { id status version }
}`;

let keys = 0;

/** A valid contact about a child nobody has recorded, with a household; `overrides` replace parts. */
export function contactInput(overrides: Record<string, unknown> = {}) {
  keys += 1;
  return {
    idempotencyKey: `test-key-${process.pid}-${keys}-${Date.now()}`,
    referrer: {
      name: "Synthetic Teacher",
      role: "Designated safeguarding lead",
      organisation: "Synthetic Primary School",
      type: "SCHOOL",
      phone: "0113 496 0000",
    },
    subject: {
      givenName: "Testchild",
      familyName: `Synthetic${keys}`,
      dateOfBirth: "2016-05-04",
      address: { line1: "1 Example Street", town: "Leeds", postcode: "LS1 1AA" },
    },
    household: [
      { givenName: "Testparent", familyName: `Synthetic${keys}`, relationshipToSubject: "mother" },
    ],
    otherPeople: [
      {
        givenName: "Testpartner",
        familyName: "Elsewhere",
        relationshipToSubject: "mother's partner",
      },
    ],
    concern: "NEGLECT",
    summary: "The child has arrived hungry and in the same clothes every day this week.",
    consent: {
      decision: "NOT_SOUGHT",
      reason: "Telling the family now may put the child at risk.",
    },
    ...overrides,
  };
}

export function errorOf(result: GraphQLResult) {
  return result.errors?.[0]?.extensions ?? {};
}

export function dataOf<T>(result: GraphQLResult, field: string): T {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data?.[field] as T;
}

/** An enquiry as the workflow mutations return it. */
export interface WorkflowEnquiry {
  id: string;
  status: string;
  version: number;
  rating: string | null;
  checksDueAt: string | null;
  checksRequestedAt: string | null;
  requestedAgencies: string[];
  checkSubjects: { id: string }[];
  subject: { id: string };
}

/**
 * The workflow's steps as the personas take them (the referrer submits, the MASH social worker
 * opens and rates, the manager decides), shared by the workflow tests so each reads as the story.
 * `harness` is a getter: tests build the steps while describing, before `beforeAll` starts it.
 */
export function workflowSteps(harness: () => Harness) {
  const referrer = as("referrer");
  const worker = as("social-worker");
  const manager = as("manager");
  return {
    async submit(overrides: Record<string, unknown> = {}) {
      return dataOf<{ id: string; status: string }>(
        await harness().execute(SUBMIT, { input: contactInput(overrides) }, referrer),
        "submitContact",
      );
    },
    async openFor(contactId: string, agencies?: string[]) {
      return dataOf<WorkflowEnquiry>(
        await harness().execute(OPEN, { id: contactId, agencies }, worker),
        "openEnquiry",
      );
    },
    rate(enquiry: { id: string; version: number }, rating = "AMBER") {
      return harness().execute(
        RATE,
        {
          input: {
            enquiryId: enquiry.id,
            expectedVersion: enquiry.version,
            rating,
            rationale: "Repeated neglect indicators reported by school.",
          },
        },
        worker,
      );
    },
    decide(enquiry: { id: string; version: number }, extra: Record<string, unknown> = {}) {
      return harness().execute(
        DECIDE,
        {
          input: {
            enquiryId: enquiry.id,
            expectedVersion: enquiry.version,
            outcome: "EARLY_HELP",
            rationale: "Needs are below the threshold for statutory work.",
            referrerFeedback: "Early help will contact the family this week.",
            // The agencies have not answered in these tests: decide anyway, with the reason.
            outstandingChecksOverrideReason: "Decided before the agencies answered (a test).",
            ...extra,
          },
        },
        manager,
      );
    },
  };
}
