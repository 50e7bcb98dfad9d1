import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadSubgraphTimeouts } from "../../src/config.js";
import {
  formatGatewayError,
  unavailableAgencyResponse,
  unavailableReason,
} from "../../src/subgraphs/unavailable-agencies.js";
import type { AgencyCheckField } from "../../src/supergraph/agency-check-fields.js";

// The kind of operation the query planner sends an agency for its part of a case picture.
const ENTITIES = parse(`query Picture__health__2($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Enquiry { hc: healthCheck { __typename status agency ...When } healthDisclosures { id } }
    ... on Subject { health { known } }
  }
}
fragment When on AgencyCheck { dueAt answeredAt }`);

// What health's subgraph declares in the supergraph (`@agencyCheck(agency: HEALTH)`).
const HEALTH_CHECKS: AgencyCheckField[] = [
  { typeName: "Enquiry", fieldName: "healthCheck", agency: "HEALTH" },
];

describe("an unavailable agency", () => {
  it("is named in one error, with the reason and never the URL", () => {
    const response = unavailableAgencyResponse({
      serviceName: "health",
      reason: "TIMEOUT",
      timeoutMs: 2000,
      agencyChecks: HEALTH_CHECKS,
      document: ENTITIES,
      variables: { representations: [] },
    });
    expect(response.errors).toEqual([
      {
        message:
          "The health service did not answer within 2000 ms; its part of the answer is missing.",
        extensions: { code: "DOWNSTREAM_SERVICE_ERROR", serviceName: "health", reason: "TIMEOUT" },
      },
    ]);
  });

  it("marks its check AGENCY_UNAVAILABLE in each entity and leaves its other fields out", () => {
    const response = unavailableAgencyResponse({
      serviceName: "health",
      reason: "UNREACHABLE",
      timeoutMs: 2000,
      agencyChecks: HEALTH_CHECKS,
      document: ENTITIES,
      variables: {
        representations: [
          { __typename: "Enquiry", id: "e1", checksRequestedAt: null, checksDueAt: null },
          { __typename: "Subject", id: "s1" },
        ],
      },
    });
    expect(response.data).toEqual({
      _entities: [
        {
          __typename: "Enquiry",
          hc: {
            __typename: "AgencyCheck",
            status: "AGENCY_UNAVAILABLE",
            agency: "HEALTH",
            dueAt: null,
            answeredAt: null,
          },
        },
        { __typename: "Subject" },
      ],
    });
  });

  it("gets the error alone for a root fetch", () => {
    const response = unavailableAgencyResponse({
      serviceName: "social-care",
      reason: "SERVER_ERROR",
      timeoutMs: 2000,
      agencyChecks: HEALTH_CHECKS,
      document: parse("{ myEnquiries { id } }"),
      variables: undefined,
    });
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.message).toBe(
      "The social-care service failed to answer; its part of the answer is missing.",
    );
  });

  it("marks whichever fields the supergraph says report a check, whatever their names", () => {
    const response = unavailableAgencyResponse({
      serviceName: "schools",
      reason: "TIMEOUT",
      timeoutMs: 2000,
      agencyChecks: [
        { typeName: "Enquiry", fieldName: "attendanceCheck", agency: "EDUCATION" },
        { typeName: "Referral", fieldName: "check", agency: "EDUCATION" },
      ],
      document: parse(`query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Enquiry { attendanceCheck { status agency } healthCheck { status } }
          ... on Referral { check { status } }
        }
      }`),
      variables: {
        representations: [
          { __typename: "Enquiry", id: "e1" },
          { __typename: "Referral", id: "r1" },
        ],
      },
    });
    expect(response.data).toEqual({
      _entities: [
        {
          __typename: "Enquiry",
          attendanceCheck: { status: "AGENCY_UNAVAILABLE", agency: "EDUCATION" },
        },
        { __typename: "Referral", check: { status: "AGENCY_UNAVAILABLE" } },
      ],
    });
  });

  it("marks nothing for a subgraph that declares no agency check", () => {
    const response = unavailableAgencyResponse({
      serviceName: "health",
      reason: "TIMEOUT",
      timeoutMs: 2000,
      agencyChecks: [],
      document: ENTITIES,
      variables: { representations: [{ __typename: "Enquiry", id: "e1" }] },
    });
    expect(response.data).toEqual({ _entities: [{ __typename: "Enquiry" }] });
  });
});

describe("which failures make an agency unavailable", () => {
  const httpError = (status: number) =>
    Object.assign(new Error(`${status}: failed`), { extensions: { response: { status } } });

  it("timeouts, network failures and 5xx answers do; a 4xx is the agency's own answer", () => {
    expect(unavailableReason(new DOMException("timed out", "TimeoutError"))).toBe("TIMEOUT");
    expect(unavailableReason(new TypeError("fetch failed"))).toBe("UNREACHABLE");
    expect(unavailableReason(httpError(503))).toBe("SERVER_ERROR");
    expect(unavailableReason(httpError(401))).toBeNull();
  });
});

describe("formatting for the caller", () => {
  it("passes an unavailable-agency error with its code, service and reason only", () => {
    const formatted = formatGatewayError({
      message: "The police service could not be reached; its part of the answer is missing.",
      path: ["enquiry", "policeCheck"],
      extensions: {
        code: "DOWNSTREAM_SERVICE_ERROR",
        serviceName: "police",
        reason: "UNREACHABLE",
        response: { url: "http://127.0.0.1:4002/graphql" },
      },
    });
    expect(formatted).toEqual({
      message: "The police service could not be reached; its part of the answer is missing.",
      path: ["enquiry", "policeCheck"],
      extensions: {
        code: "DOWNSTREAM_SERVICE_ERROR",
        serviceName: "police",
        reason: "UNREACHABLE",
      },
    });
  });

  it("still masks any other downstream error, which may carry a URL", () => {
    const formatted = formatGatewayError({
      message: "request to http://127.0.0.1:4002/graphql failed, reason: ECONNREFUSED",
      extensions: { code: "DOWNSTREAM_SERVICE_ERROR", serviceName: "police" },
    });
    expect(formatted.message).not.toContain("127.0.0.1");
    expect(formatted.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("per-subgraph timeouts", () => {
  it("reads <SUBGRAPH>_TIMEOUT_MS for the subgraphs named, and refuses a bad one by name", () => {
    expect(
      loadSubgraphTimeouts(["health", "social-care", "police"], {
        HEALTH_TIMEOUT_MS: "2500",
        SOCIAL_CARE_TIMEOUT_MS: "8000",
      }),
    ).toEqual({ health: 2500, "social-care": 8000 });
    expect(() => loadSubgraphTimeouts(["police"], { POLICE_TIMEOUT_MS: "0" })).toThrow(
      /POLICE_TIMEOUT_MS/,
    );
    expect(() => loadSubgraphTimeouts(["police"], { POLICE_TIMEOUT_MS: "soon" })).toThrow(
      /POLICE_TIMEOUT_MS/,
    );
  });
});
