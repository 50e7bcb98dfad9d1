import { generateWorld } from "@mash/synthetic-world/world";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_PICTURE, type CasePicture } from "../support/case-picture.js";
import {
  DECIDE,
  intoEnquiry,
  MY_CONTACTS,
  type OpenedEnquiry,
  QUEUE,
  RATE,
  RECORD,
  TAKE_UP,
} from "../support/mash-workflow.js";
import { type EnquiryRef, PersonaSession } from "../support/personas.js";
import { sharedStacks } from "../support/shared-stack.js";
import { TEST_WORLD } from "../support/system-under-test.js";
import { crossAgencyScenarios } from "./cross-agency-scenarios.js";

// Issue #6, done when: one enquiry driven through the gateway from the referrer's contact to the
// manager's decision, as the personas would: the co-located agency practitioners take up their
// checks from the work queue and answer them under the enquiry as their purpose.

const POLICE_SUMMARY = "One domestic abuse incident this year with the child present, medium risk.";
const SOCIAL_CARE_SUMMARY = "Known to social care: one earlier contact about neglect, no plan.";
const PROBATION_REASON = "Disclosure would prejudice a live MAPPA risk assessment this week.";
const FEEDBACK = "Thank you: the MASH has asked early help to contact the family this week.";

describe.each(sharedStacks())("a whole MASH enquiry through the gateway on $name", (stack) => {
  let referrer: PersonaSession;
  let worker: PersonaSession;
  let police: PersonaSession;
  let health: PersonaSession;
  let probation: PersonaSession;
  let manager: PersonaSession;
  let contactId: string;
  let enquiry: OpenedEnquiry;
  let purpose: EnquiryRef;
  /** The enquiry's version after the rating: taking up and answering checks do not change it. */
  let ratedVersion: number;
  const child = crossAgencyScenarios(generateWorld(TEST_WORLD)).fired[1];

  beforeAll(async () => {
    const signIn = (key: string) => PersonaSession.signIn(stack.gatewayUrl, key);
    [referrer, worker, police, health, probation, manager] = await Promise.all([
      signIn("referrer"),
      signIn("social-worker"),
      signIn("police-officer"),
      signIn("health-practitioner"),
      signIn("probation-officer"),
      signIn("manager"),
    ]);
  });

  /** Records an agency's answer under the enquiry as purpose; any error fails the test. */
  async function answer(
    session: PersonaSession,
    agency: Parameters<typeof RECORD>[0],
    input: Record<string, unknown>,
  ) {
    session.declarePurpose(purpose);
    const recorded = await session.query<Record<string, { decision: string }>>(RECORD(agency), {
      input: { enquiryId: purpose.id, subjectIds: [purpose.subjectId], ...input },
    });
    expect(recorded.errors, `${agency} could not answer`).toBeUndefined();
    return recorded.data?.[`record${agency}Disclosure`]?.decision;
  }

  /** Where the checks stand, as the gateway fetches them from each agency for social care. */
  async function decisionBasis() {
    const read = await manager.query<{
      enquiry: { decisionBasis: { outstandingAgencies: string[]; token: string } };
    }>(
      "query Basis($id: ID!) { enquiry(id: $id) { decisionBasis { outstandingAgencies token } } }",
      { id: enquiry.id },
    );
    expect(read.errors).toBeUndefined();
    const basis = read.data?.enquiry.decisionBasis;
    if (!basis) throw new Error("no decision basis");
    return basis;
  }

  function decide(extra: Record<string, unknown>) {
    return manager.query<{ decideEnquiry: { status: string; decision: { outcome: string } } }>(
      DECIDE,
      {
        input: {
          enquiryId: enquiry.id,
          expectedVersion: ratedVersion,
          outcome: "EARLY_HELP",
          rationale: "Police information shows one incident; early help meets the family's needs.",
          referrerFeedback: FEEDBACK,
          ...extra,
        },
      },
    );
  }

  it("a referrer's contact becomes an enquiry the MASH social worker opens and rates AMBER", async () => {
    if (!child) throw new Error("the test world has too few cross-agency scenarios");
    const opened = await intoEnquiry(referrer, worker, child, `whole-enquiry-${stack.name}`);
    contactId = opened.contact.id;
    enquiry = opened.enquiry;
    purpose = { id: enquiry.id, subjectId: enquiry.subject.id };
    const rated = await worker.query<{ rateEnquiry: { status: string; version: number } }>(RATE, {
      input: {
        enquiryId: enquiry.id,
        expectedVersion: enquiry.version,
        rating: "AMBER",
        rationale: "A disclosure of violence at home; the child is safe at school today.",
      },
    });
    expect(rated.errors).toBeUndefined();
    expect(rated.data?.rateEnquiry.status).toBe("RATED");
    ratedVersion = rated.data?.rateEnquiry.version ?? 0;
  });

  it("the agency practitioners see it in the work queue but cannot work under it until they take it up", async () => {
    for (const session of [police, health, probation]) {
      const queue = await session.query<{ workQueue: { id: string }[] }>(QUEUE);
      expect(queue.errors).toBeUndefined();
      expect(queue.data?.workQueue.map((found) => found.id)).toContain(enquiry.id);
    }
    police.declarePurpose(purpose);
    const refused = await police.query(RECORD("Police"), {
      input: {
        enquiryId: purpose.id,
        subjectIds: [purpose.subjectId],
        decision: "NOTHING_KNOWN",
      },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      reason: "NO_SUCH_ENQUIRY",
    });
    police.declarePurpose(null);
  });

  it("police, health and probation take up their checks, and the enquiry becomes theirs", async () => {
    for (const session of [police, health, probation]) {
      // Twice: a second take-up (a double click, a retry) is harmless.
      for (const _attempt of [1, 2]) {
        const taken = await session.query<{
          takeUpAgencyCheck: { status: string; version: number };
        }>(TAKE_UP, { id: enquiry.id });
        expect(taken.errors).toBeUndefined();
        expect(taken.data?.takeUpAgencyCheck).toMatchObject({
          status: "RATED",
          version: ratedVersion,
        });
      }
      const mine = await session.query<{ myEnquiries: { id: string }[] }>("{ myEnquiries { id } }");
      expect(mine.data?.myEnquiries.map((found) => found.id)).toContain(enquiry.id);
    }
  });

  it("each agency answers through its own subgraph; a decision with a check outstanding needs a reason", async () => {
    expect(
      await answer(police, "Police", {
        decision: "SHARED",
        summary: POLICE_SUMMARY,
        lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK", "DPA_2018_SCH_1_PARA_18_SAFEGUARDING"],
      }),
    ).toBe("SHARED");
    expect(await answer(health, "Health", { decision: "NOTHING_KNOWN" })).toBe("NOTHING_KNOWN");

    // Probation and social care have not answered yet (their statuses, not the client, say so):
    // deciding now, without saying why, is refused.
    const basis = await decisionBasis();
    expect(basis.outstandingAgencies).toEqual(["SOCIAL_CARE", "PROBATION"]);
    const early = await decide({ checksBasis: basis.token });
    expect(early.data?.decideEnquiry ?? null).toBeNull();
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: "CHECKS_OUTSTANDING",
      outstandingAgencies: ["SOCIAL_CARE", "PROBATION"],
    });

    expect(
      await answer(probation, "Probation", {
        decision: "DECLINED",
        declineReason: PROBATION_REASON,
      }),
    ).toBe("DECLINED");
    expect(
      await answer(worker, "SocialCare", {
        decision: "SHARED",
        summary: SOCIAL_CARE_SUMMARY,
        lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK"],
      }),
    ).toBe("SHARED");
  });

  it("the case picture shows every agency's check answered, and the subject's sections", async () => {
    manager.declarePurpose(purpose);
    const picture = await manager.query<CasePicture>(CASE_PICTURE, { id: enquiry.id });
    expect(picture.errors).toBeUndefined();
    const found = picture.data?.enquiry;
    expect(found?.rating).toBe("AMBER");
    expect(found?.checksDueAt).toEqual(expect.any(String));
    expect(found?.socialCareCheck).toMatchObject({ agency: "SOCIAL_CARE", status: "DONE" });
    expect(found?.policeCheck).toMatchObject({
      agency: "POLICE",
      status: "DONE",
      summary: POLICE_SUMMARY,
    });
    expect(found?.healthCheck).toMatchObject({ agency: "HEALTH", status: "NOTHING_KNOWN" });
    expect(found?.probationCheck).toEqual({
      agency: "PROBATION",
      status: "DECLINED",
      declineReason: PROBATION_REASON,
    });
    for (const check of [found?.socialCareCheck, found?.policeCheck, found?.healthCheck]) {
      expect(check?.answeredAt).toEqual(expect.any(String));
    }
    // The referrer named a child social care knows; every agency's section answers for them.
    const subject = found?.subject;
    expect(subject?.id).toBe(purpose.subjectId);
    expect(subject?.socialCare).toEqual({ known: true });
    for (const section of [subject?.police, subject?.health, subject?.probation]) {
      expect(section).toEqual({ known: expect.any(Boolean) });
    }
  });

  it("the manager decides with every check answered: no override needed", async () => {
    const basis = await decisionBasis();
    expect(basis.outstandingAgencies).toEqual([]);
    const decided = await decide({ checksBasis: basis.token });
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.decideEnquiry).toMatchObject({
      status: "DECIDED",
      decision: { outcome: "EARLY_HELP" },
    });
  });

  it("the referrer sees the outcome and feedback on their contact, and nothing else", async () => {
    const mine = await referrer.query<{
      myContacts: { id: string; status: string; outcome: string; feedback: string }[];
    }>(MY_CONTACTS);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.myContacts.find((contact) => contact.id === contactId)).toEqual({
      id: contactId,
      status: "DECIDED",
      outcome: "EARLY_HELP",
      feedback: FEEDBACK,
      decidedAt: expect.any(String),
    });

    const theEnquiry = await referrer.query<{ enquiry: unknown }>(
      `query ($id: ID!) { enquiry(id: $id) { id rating } }`,
      { id: enquiry.id },
    );
    expect(theEnquiry.data?.enquiry ?? null).toBeNull();
    // Not being part of an enquiry reads exactly like its not existing (no existence oracle).
    expect(theEnquiry.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const refusedByScope = [
      [`query ($id: ID!) { subject(id: $id) { name { familyName } } }`, { id: purpose.subjectId }],
      [QUEUE, undefined],
      [TAKE_UP, { id: enquiry.id }],
    ] as const;
    for (const [operation, variables] of refusedByScope) {
      const refused = await referrer.query(operation, variables);
      expect(refused.errors?.[0]?.extensions?.code, operation).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    }
  });
});
