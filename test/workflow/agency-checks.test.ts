import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { CASE_PICTURE, type CasePicture } from "../support/case-picture.js";
import { RECORD } from "../support/mash-workflow.js";
import { type EnquiryRef, PersonaSession } from "../support/personas.js";
import { stackBackends, startTestStack } from "../support/system-under-test.js";

// Issue #6, the agency checks: each agency answers for an enquiry (shares, knows nothing, or
// declines with its reason); everyone on the enquiry sees where each check stands; an agency whose
// service is down does not take the rest of the case picture with it.

const POLICE_SUMMARY =
  "Two domestic abuse incidents in the last year, latest assessed medium risk.";
const PROBATION_REASON = "Disclosure would prejudice a live MAPPA risk assessment this week.";

describe.each(stackBackends())("agency checks through the gateway on $name", (backend) => {
  let stack: RunningStack;
  let manager: PersonaSession;
  let enquiry: EnquiryRef;

  beforeAll(async () => {
    // A per-agency timeout for health, to show they are read; a long one, so that a busy machine
    // is not taken for a slow agency (a stopped service is unreachable at once anyway).
    stack = await startTestStack(backend, { HEALTH_TIMEOUT_MS: "30000" });
    const [police, health, probation] = await Promise.all(
      ["police-officer", "health-practitioner", "probation-officer"].map((persona) =>
        PersonaSession.signIn(stack.gatewayUrl, persona),
      ),
    );
    manager = await PersonaSession.signIn(stack.gatewayUrl, "manager");
    const first = police?.enquiries[0];
    if (!police || !health || !probation || !first) throw new Error("no shared enquiry");
    enquiry = first;
    for (const session of [police, health, probation, manager]) session.declarePurpose(enquiry);

    const answers = [
      police.query(RECORD("Police"), {
        input: {
          enquiryId: enquiry.id,
          decision: "SHARED",
          subjectIds: [enquiry.subjectId],
          summary: POLICE_SUMMARY,
          sharedRecordIds: ["incident-1"],
          lawfulBasis: ["UK_GDPR_ART_6_1_E_PUBLIC_TASK", "DPA_2018_SCH_1_PARA_18_SAFEGUARDING"],
        },
      }),
      health.query(RECORD("Health"), {
        input: {
          enquiryId: enquiry.id,
          decision: "NOTHING_KNOWN",
          subjectIds: [enquiry.subjectId],
        },
      }),
      probation.query(RECORD("Probation"), {
        input: {
          enquiryId: enquiry.id,
          decision: "DECLINED",
          subjectIds: [enquiry.subjectId],
          declineReason: PROBATION_REASON,
        },
      }),
    ];
    for (const answer of await Promise.all(answers)) expect(answer.errors).toBeUndefined();
  });
  afterAll(async () => {
    await stack?.stop();
    await backend.cleanup();
  });

  it("shows each agency's check: police shared, health nothing known, probation declined, social care pending", async () => {
    const picture = await manager.query<CasePicture>(CASE_PICTURE, { id: enquiry.id });
    expect(picture.errors).toBeUndefined();
    const found = picture.data?.enquiry;
    // The contract fields: checks requested when the enquiry opened; not rated yet.
    expect(found?.checksRequestedAt).toEqual(expect.any(String));
    expect(found?.checksDueAt).toBeNull();
    expect(found?.rating).toBeNull();
    expect(found?.socialCareCheck).toEqual({
      agency: "SOCIAL_CARE",
      status: "PENDING",
      requestedAt: found?.checksRequestedAt,
      dueAt: null,
      answeredAt: null,
    });
    expect(found?.policeCheck).toMatchObject({
      agency: "POLICE",
      status: "DONE",
      summary: POLICE_SUMMARY,
    });
    expect(found?.policeCheck?.answeredAt).toEqual(expect.any(String));
    expect(found?.healthCheck).toMatchObject({ agency: "HEALTH", status: "NOTHING_KNOWN" });
    expect(found?.probationCheck).toEqual({
      agency: "PROBATION",
      status: "DECLINED",
      declineReason: PROBATION_REASON,
    });
  });

  it("keeps the answer's words to those with that agency's summary scope", async () => {
    // A health practitioner holds no probation summary scope: the status yes, the reason no.
    const health = await PersonaSession.signIn(stack.gatewayUrl, "health-practitioner");
    health.declarePurpose(enquiry);
    const picture = await health.query<CasePicture>(
      `query ($id: ID!) { enquiry(id: $id) { probationCheck { status declineReason } } }`,
      { id: enquiry.id },
    );
    expect(picture.data?.enquiry?.probationCheck).toEqual({
      status: "DECLINED",
      declineReason: null,
    });
    expect(picture.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
  });

  it("shows a work queue's checks with no purpose declared", async () => {
    const worker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    const queue = await worker.query<{
      myEnquiries: { id: string; [check: string]: { status: string } | string | null }[];
    }>(
      `{ myEnquiries { id socialCareCheck { status } policeCheck { status } healthCheck { status } probationCheck { status } } }`,
    );
    expect(queue.errors).toBeUndefined();
    const enquiries = queue.data?.myEnquiries ?? [];
    expect(enquiries.length).toBeGreaterThan(1);
    expect(enquiries.find((found) => found.id === enquiry.id)).toEqual({
      id: enquiry.id,
      socialCareCheck: { status: "PENDING" },
      policeCheck: { status: "DONE" },
      healthCheck: { status: "NOTHING_KNOWN" },
      probationCheck: { status: "DECLINED" },
    });
    const others = enquiries.filter((found) => found.id !== enquiry.id);
    for (const other of others) expect(other.policeCheck).toEqual({ status: "PENDING" });
  });

  it("with health stopped, returns every other agency's part and marks health AGENCY_UNAVAILABLE", async () => {
    const healthUrl = stack.urls.health ?? "";
    await stack.stopService("health");
    const picture = await manager.query<CasePicture>(CASE_PICTURE, { id: enquiry.id });

    expect(picture.status).toBe(200);
    const found = picture.data?.enquiry;
    expect(found?.healthCheck, JSON.stringify(picture.errors)).toEqual({
      agency: "HEALTH",
      status: "AGENCY_UNAVAILABLE",
      answeredAt: null,
    });
    expect(found?.policeCheck).toMatchObject({ status: "DONE", summary: POLICE_SUMMARY });
    expect(found?.probationCheck).toMatchObject({ status: "DECLINED" });
    expect(found?.socialCareCheck).toMatchObject({ status: "PENDING" });
    expect(found?.subject?.police).not.toBeNull();
    expect(found?.subject?.probation).not.toBeNull();
    expect(found?.subject?.socialCare).not.toBeNull();
    expect(found?.subject?.health).toBeNull();

    const downstream = picture.errors?.filter(
      (error) => error.extensions?.code === "DOWNSTREAM_SERVICE_ERROR",
    );
    expect(downstream?.length).toBeGreaterThan(0);
    for (const error of downstream ?? []) {
      expect(error.extensions?.serviceName).toBe("health");
      expect(error.message).toContain("health service");
      const text = JSON.stringify(error);
      expect(text).not.toContain(healthUrl);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//);
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    // Nothing else went wrong: every error is about health.
    expect(picture.errors?.every((error) => error.extensions?.serviceName === "health")).toBe(true);
  });
});
