import { generateWorld } from "@mash/synthetic-world/world";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AWAITING,
  DECIDE,
  MY_CONTACTS,
  type NamedRecord,
  intoEnquiry as openFromContact,
  QUEUE,
  RATE,
} from "../support/mash-workflow.js";
import { PersonaSession } from "../support/personas.js";
import { sharedStacks } from "../support/shared-stack.js";
import { TEST_WORLD } from "../support/system-under-test.js";
import { crossAgencyScenarios } from "./cross-agency-scenarios.js";

const WARNINGS = `query Warnings($id: ID!) { subject(id: $id) { id earlyWarnings { kind summary } } }`;

describe.each(sharedStacks())("from a new concern to a decision on $name", (stack) => {
  let referrer: PersonaSession;
  let worker: PersonaSession;
  let manager: PersonaSession;
  const scenarios = crossAgencyScenarios(generateWorld(TEST_WORLD));

  beforeAll(async () => {
    referrer = await PersonaSession.signIn(stack.gatewayUrl, "referrer");
    worker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    manager = await PersonaSession.signIn(stack.gatewayUrl, "manager");
  });

  function intoEnquiry(record: NamedRecord, key: string) {
    return openFromContact(referrer, worker, record, key);
  }

  it("takes a referrer's contact through screening, rating and the manager's decision", async () => {
    const child = scenarios.fired[0];
    if (!child) throw new Error("the test world has no cross-agency scenario");
    const { contact, enquiry } = await intoEnquiry(child, `intake-to-decision-${stack.name}`);

    const rated = await worker.query<{
      rateEnquiry: { version: number; status: string; rating: string; checksDueAt: string };
    }>(RATE, {
      input: {
        enquiryId: enquiry.id,
        expectedVersion: enquiry.version,
        rating: "RED",
        rationale: "Disclosure of violence at home; the child is frightened to go home.",
      },
    });
    expect(rated.errors).toBeUndefined();
    expect(rated.data?.rateEnquiry).toMatchObject({ status: "RATED", rating: "RED" });

    const queue = await manager.query<{ workQueue: { id: string }[] }>(QUEUE);
    expect(queue.errors).toBeUndefined();
    expect(queue.data?.workQueue.map((e) => e.id)).toContain(enquiry.id);

    // The cross-agency early warning: police and health dates, joined in the graph, never shown.
    worker.declarePurpose({ id: enquiry.id, subjectId: enquiry.subject.id });
    const warnings = await worker.query<{
      subject: { earlyWarnings: { kind: string; summary: string }[] };
    }>(WARNINGS, { id: enquiry.subject.id });
    expect(warnings.errors).toBeUndefined();
    expect(warnings.data?.subject.earlyWarnings.map((w) => w.kind)).toContain(
      "DOMESTIC_ABUSE_THEN_EMERGENCY_ATTENDANCE",
    );

    const decided = await manager.query<{ decideEnquiry: { status: string } }>(DECIDE, {
      input: {
        enquiryId: enquiry.id,
        expectedVersion: rated.data?.rateEnquiry.version,
        outcome: "STRATEGY_DISCUSSION_S47",
        rationale: "Police and health information together show a risk of significant harm.",
        referrerFeedback: "Thank you: the MASH is holding a strategy discussion today.",
        // No agency has answered yet (social care derives that itself): a strategy discussion
        // does not wait for them, and the manager says so.
        outstandingChecksOverrideReason:
          "Risk of significant harm is clear now; the strategy discussion hears the checks.",
      },
    });
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideEnquiry.status).toBe("DECIDED");

    const mine = await referrer.query<{
      myContacts: { id: string; status: string; outcome: string; feedback: string }[];
    }>(MY_CONTACTS);
    expect(mine.data?.myContacts.find((c) => c.id === contact.id)).toMatchObject({
      status: "DECIDED",
      outcome: "STRATEGY_DISCUSSION_S47",
      feedback: "Thank you: the MASH is holding a strategy discussion today.",
    });
  });

  it("does not raise the cross-agency warning for a control child", async () => {
    const child = scenarios.controls[0];
    if (!child) throw new Error("the test world has no control");
    const { enquiry } = await intoEnquiry(child, `intake-control-${stack.name}`);
    worker.declarePurpose({ id: enquiry.id, subjectId: enquiry.subject.id });
    const warnings = await worker.query<{ subject: { earlyWarnings: { kind: string }[] } }>(
      WARNINGS,
      {
        id: enquiry.subject.id,
      },
    );
    expect(warnings.errors).toBeUndefined();
    expect(warnings.data?.subject.earlyWarnings.map((w) => w.kind)).not.toContain(
      "DOMESTIC_ABUSE_THEN_EMERGENCY_ATTENDANCE",
    );
  });

  it("shows the referrer their contacts and nothing else", async () => {
    const [mine] =
      (await referrer.query<{ myContacts: { id: string }[] }>(MY_CONTACTS)).data?.myContacts ?? [];
    expect(mine).toBeDefined();
    const enquiryId = worker.purpose?.id ?? "";
    const enquiry = await referrer.query(
      `query ($id: ID!) { enquiry(id: $id) { id rating subject { id } } }`,
      {
        id: enquiryId,
      },
    );
    expect(enquiry.data?.enquiry ?? null).toBeNull();
    // Not being part of an enquiry reads exactly like its not existing (no existence oracle).
    expect(enquiry.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const missingId = "00000000-0000-4000-8000-000000000000";
    const missing = await referrer.query(
      `query ($id: ID!) { enquiry(id: $id) { id rating subject { id } } }`,
      { id: missingId },
    );
    expect(missing.errors?.[0]?.message.replace(missingId, "<id>")).toBe(
      enquiry.errors?.[0]?.message.replace(enquiryId, "<id>"),
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const subject = await referrer.query(
      `query ($id: ID!) { subject(id: $id) { name { familyName } } }`,
      {
        id: worker.purpose?.subjectId,
      },
    );
    expect(subject.data?.subject ?? null).toBeNull();
    expect(subject.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    for (const forbidden of [QUEUE, AWAITING]) {
      const result = await referrer.query(forbidden);
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    }
  });
});
