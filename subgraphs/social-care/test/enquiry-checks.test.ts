import { PERSONAS } from "@mash/schema/authorization/personas";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { testDatabases } from "@mash/test-suites/test-databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialCareSeeder } from "../dev/seed.js";
import type { SocialCareContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { socialCareSubgraph } from "../src/subgraph.js";

// Social care's side of the agency checks: the three fields contracted with the workflow branch
// (stand-ins here) and social care's own check, batched across a work queue.

const HOUR = 60 * 60 * 1000;

/** A social worker, declaring the enquiry as purpose (or none, as a work queue is read). */
function socialWorkerOn(enquiry: { id: string; subjectId: string } | null): RequestAuthority {
  const found = PERSONAS.find((candidate) => candidate.key === "social-worker");
  if (!found) throw new Error("no social-worker persona");
  return {
    principal: {
      id: found.id,
      displayName: found.displayName,
      agency: found.agency,
      roles: [...found.roles],
    },
    purpose: enquiry ? { enquiryId: enquiry.id, subjectIds: [enquiry.subjectId] } : null,
    breakGlass: [],
  };
}

const CHECK = `query ($id: ID!) {
  enquiry(id: $id) {
    openedAt rating checksRequestedAt checksDueAt
    socialCareCheck { agency status requestedAt dueAt answeredAt summary }
  }
}`;

const WORK_QUEUE = `{ myEnquiries { id socialCareCheck { status } } }`;

describe.each(testDatabases())("social care's agency check on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, SocialCareContext>;
  let enquiries: (typeof tables.enquiry.$inferSelect)[];

  beforeAll(async () => {
    harness = await startSubgraphHarness(socialCareSubgraph, database, {
      seeder: socialCareSeeder,
      seed: 11,
      subjects: 400,
    });
    enquiries = await harness.prepared.database.db.select().from(tables.enquiry);
  });
  afterAll(() => harness?.close());

  it("requests checks when the enquiry opens; pending, then overdue once a deadline passes", async () => {
    const enquiry = enquiries[0];
    if (!enquiry) throw new Error("the world has no enquiry");
    const caller = socialWorkerOn(enquiry);
    const before = await harness.execute(CHECK, { id: enquiry.id }, caller);
    expect(before.errors).toBeUndefined();
    expect(before.data?.enquiry).toMatchObject({
      rating: null,
      checksRequestedAt: enquiry.openedAt.toISOString(),
      checksDueAt: null,
      socialCareCheck: { agency: "SOCIAL_CARE", status: "PENDING", dueAt: null, answeredAt: null },
    });

    // What the workflow branch will do when it rates the enquiry: set rating and deadline.
    const due = new Date(Date.now() - HOUR);
    await harness.prepared.database.db
      .update(tables.enquiry)
      .set({ rating: "red", checksDueAt: due })
      .where(eq(tables.enquiry.id, enquiry.id));
    const late = await harness.execute(CHECK, { id: enquiry.id }, caller);
    expect(late.data?.enquiry).toMatchObject({
      rating: "RED",
      checksDueAt: due.toISOString(),
      socialCareCheck: { status: "OVERDUE", dueAt: due.toISOString() },
    });
  });

  it("reports social care's own answer", async () => {
    const enquiry = enquiries[1];
    if (!enquiry) throw new Error("the world has one enquiry only");
    const caller = socialWorkerOn(enquiry);
    const recorded = await harness.execute(
      `mutation ($input: RecordDisclosureInput!) { recordSocialCareDisclosure(input: $input) { id } }`,
      {
        input: {
          enquiryId: enquiry.id,
          decision: "NOTHING_KNOWN",
          subjectIds: [enquiry.subjectId],
          summary: "No open or closed involvement.",
        },
      },
      caller,
    );
    expect(recorded.errors).toBeUndefined();
    const read = await harness.execute(CHECK, { id: enquiry.id }, caller);
    expect(read.data?.enquiry).toMatchObject({
      socialCareCheck: { status: "NOTHING_KNOWN", summary: "No open or closed involvement." },
    });
  });

  it("shows every check of a work queue with no purpose declared, for one statement", async () => {
    const queue = await harness.prepared.database.statements.measure(() =>
      harness.execute(WORK_QUEUE, undefined, socialWorkerOn(null)),
    );
    const withoutChecks = await harness.prepared.database.statements.measure(() =>
      harness.execute(`{ myEnquiries { id } }`, undefined, socialWorkerOn(null)),
    );
    expect(queue.result.errors).toBeUndefined();
    const listed = queue.result.data?.myEnquiries as { socialCareCheck: { status: string } }[];
    expect(listed.length).toBeGreaterThan(1);
    for (const enquiry of listed) expect(enquiry.socialCareCheck.status).not.toBeNull();
    expect(queue.statements - withoutChecks.statements).toBe(1);
  });
});
