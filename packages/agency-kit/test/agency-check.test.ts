import { describe, expect, it } from "vitest";
import {
  type AgencyCheckStatus,
  agencyCheck,
  agencyCheckStatus,
  type CheckAnswer,
  currentAnswer,
} from "../src/disclosure/agency-check.js";

const ENQUIRY = "00000000-0000-4000-8000-00000000e001";
const REQUESTED = new Date("2026-12-01T09:00:00Z");
const DUE = new Date("2026-12-01T15:00:00Z");
const at = (iso: string) => new Date(iso);

function answer(decision: CheckAnswer["decision"], decidedAt: Date): CheckAnswer {
  return {
    enquiryId: ENQUIRY,
    decision,
    decidedAt,
    summary: decision === "shared" ? "Two incidents, latest assessed medium risk." : null,
    declineReason:
      decision === "declined" ? "Not proportionate before the strategy meeting." : null,
  };
}

describe("agency check status", () => {
  const requested = { requestedAt: REQUESTED, dueAt: DUE };

  it.each<[CheckAnswer["decision"], AgencyCheckStatus]>([
    ["shared", "done"],
    ["nothing_known", "nothing_known"],
    ["declined", "declined"],
  ])("an answer %s is %s, before or after the deadline", (decision, status) => {
    const given = answer(decision, at("2026-12-01T10:00:00Z"));
    expect(agencyCheckStatus(requested, given, at("2026-12-01T11:00:00Z"))).toBe(status);
    expect(agencyCheckStatus(requested, given, at("2026-12-02T11:00:00Z"))).toBe(status);
  });

  it("is NOT_REQUESTED when no checks were requested", () => {
    expect(
      agencyCheckStatus({ requestedAt: null, dueAt: null }, null, at("2026-12-01T11:00:00Z")),
    ).toBe("not_requested");
  });

  it("is NOT_REQUESTED for an agency the request did not ask, unless it answered anyway", () => {
    const policeOnly = { ...requested, agencies: ["police" as const] };
    const late = at("2026-12-02T11:00:00Z");
    expect(agencyCheckStatus(policeOnly, null, late, "health")).toBe("not_requested");
    expect(agencyCheckStatus(policeOnly, null, late, "police")).toBe("overdue");
    const given = answer("nothing_known", at("2026-12-01T10:00:00Z"));
    expect(agencyCheckStatus(policeOnly, given, late, "health")).toBe("nothing_known");
    // No list (an enquiry from before the choice): every agency was asked.
    expect(agencyCheck("health", ENQUIRY, requested, [], late).status).toBe("overdue");
  });

  it("is PENDING up to and including the deadline, OVERDUE one millisecond after", () => {
    expect(agencyCheckStatus(requested, null, at("2026-12-01T14:59:59.999Z"))).toBe("pending");
    expect(agencyCheckStatus(requested, null, DUE)).toBe("pending");
    expect(agencyCheckStatus(requested, null, new Date(DUE.getTime() + 1))).toBe("overdue");
  });

  it("stays PENDING while the enquiry is not rated (no deadline yet)", () => {
    const unrated = { requestedAt: REQUESTED, dueAt: null };
    expect(agencyCheckStatus(unrated, null, at("2027-01-01T00:00:00Z"))).toBe("pending");
  });

  it("never derives AGENCY_UNAVAILABLE (only the gateway can tell)", () => {
    const statuses = new Set<AgencyCheckStatus>();
    for (const given of [null, answer("shared", DUE)]) {
      for (const now of [REQUESTED, DUE, at("2027-01-01T00:00:00Z")]) {
        statuses.add(agencyCheckStatus(requested, given, now));
        statuses.add(agencyCheckStatus({ requestedAt: null, dueAt: null }, given, now));
      }
    }
    expect(statuses.has("agency_unavailable")).toBe(false);
  });
});

describe("the answer that counts", () => {
  const requested = { requestedAt: REQUESTED, dueAt: DUE };

  it("is the newest answer", () => {
    const newest = answer("declined", at("2026-12-01T12:00:00Z"));
    const older = answer("shared", at("2026-12-01T10:00:00Z"));
    expect(currentAnswer(requested, [newest, older])).toBe(newest);
  });

  it("ignores an answer older than the request (it answered an earlier one)", () => {
    const stale = answer("shared", at("2026-11-30T10:00:00Z"));
    expect(currentAnswer(requested, [stale])).toBeNull();
    expect(agencyCheckStatus(requested, currentAnswer(requested, [stale]), REQUESTED)).toBe(
      "pending",
    );
  });

  it("counts an answer given exactly when checks were requested", () => {
    const same = answer("nothing_known", REQUESTED);
    expect(currentAnswer(requested, [same])).toBe(same);
  });
});

describe("agencyCheck", () => {
  it("builds the view: agency as the enum's value, dates, answer and when it was given", () => {
    const given = answer("shared", at("2026-12-01T16:00:00Z"));
    const view = agencyCheck(
      "social-care",
      ENQUIRY,
      { requestedAt: REQUESTED, dueAt: DUE },
      [given],
      at("2026-12-01T17:00:00Z"),
    );
    expect(view).toEqual({
      enquiryId: ENQUIRY,
      agency: "social_care",
      status: "done",
      requestedAt: REQUESTED,
      dueAt: DUE,
      answeredAt: given.decidedAt,
      answer: given,
    });
  });
});
