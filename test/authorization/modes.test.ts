import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import { scopesForRoles } from "@mash/schema/authorization/catalogue";
import { PERSONAS } from "@mash/schema/authorization/personas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExtraGateway, RunningStack } from "../../scripts/stack.js";
import {
  loadSupergraphAuthorization,
  pathKey,
  printOperation,
  selectEverything,
  valuesAt,
  verdicts,
} from "../support/field-matrix.js";
import type { GraphQLResponse } from "../support/graphql-client.js";
import { confirmPendingPoliceLinks } from "../support/link-review.js";
import { type EnquiryRef, PersonaSession } from "../support/personas.js";
import { stackBackends, startTestStack } from "../support/system-under-test.js";

/**
 * The gateway's AUTHZ_MODE and AUTHZ_ERRORS, each on its own gateway process over the same
 * subgraphs (and so the same data) as the stack's default one (filter, errors in `errors`).
 */

// Authorization does not depend on the database engine, so PGlite alone (always available).
const backend = stackBackends()[0];

/** Allowed to the social worker except two things: intelligence grading, and CAMHS (health detail). */
const MIXED = `query Mixed($id: ID!) {
  subject(id: $id) {
    id
    name { familyName }
    police { known intelligence { id sanitisedText sourceEvaluation } }
    health { known camhsInvolvements { id } }
  }
}`;
const MIXED_DENIED = [
  "subject.health.camhsInvolvements",
  "subject.police.intelligence.@.sourceEvaluation",
];

/** Everything in it is the social worker's to see. */
const ALLOWED = `query Allowed($id: ID!) {
  subject(id: $id) { id name { familyName } police { known intelligence { sanitisedText } } }
}`;

type Response = GraphQLResponse<Record<string, unknown>> & { extensions?: unknown };

/** A list of serialized GraphQL errors under `extensions[key]`, as their paths (sorted). */
function extensionPaths(response: Response, key: string): string[] {
  const extensions = response.extensions;
  if (typeof extensions !== "object" || extensions === null) return [];
  const list: unknown = (extensions as Record<string, unknown>)[key];
  if (!Array.isArray(list)) throw new Error(`extensions.${key} is not a list`);
  return list
    .map((error: unknown) => {
      const { path, extensions: inner } = error as { path?: string[]; extensions?: unknown };
      expect(inner).toEqual({ code: UNAUTHORIZED_FIELD_OR_TYPE });
      return pathKey(path ?? []);
    })
    .sort();
}

describe("authorization modes, on extra gateways over the same subgraphs", () => {
  let stack: RunningStack;
  let reject: ExtraGateway;
  let dryRun: ExtraGateway;
  let inExtensions: ExtraGateway;
  let socialWorker: PersonaSession;
  /** An enquiry whose subject has police intelligence, so grading is there to be refused. */
  let enquiry: EnquiryRef;

  beforeAll(async () => {
    if (!backend) throw new Error("no stack backend");
    stack = await startTestStack(backend);
    [reject, dryRun, inExtensions] = await Promise.all([
      stack.startExtraGateway({ AUTHZ_MODE: "reject" }),
      stack.startExtraGateway({ AUTHZ_MODE: "dry-run" }),
      stack.startExtraGateway({ AUTHZ_MODE: "filter", AUTHZ_ERRORS: "extensions" }),
    ]);
    socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    // Links are linkage's own: the subject with intelligence may be a proposal until confirmed.
    await confirmPendingPoliceLinks(
      stack.gatewayUrl,
      socialWorker.enquiries.map((candidate) => candidate.subjectId),
    );
    for (const candidate of socialWorker.enquiries) {
      socialWorker.declarePurpose(candidate);
      const response = await socialWorker.query<{
        subject: { police: { intelligence: unknown[] | null } };
      }>(`query ($id: ID!) { subject(id: $id) { police { intelligence { id } } } }`, {
        id: candidate.subjectId,
      });
      if ((response.data?.subject.police.intelligence ?? []).length > 0) {
        enquiry = candidate;
        return;
      }
    }
    throw new Error("no enquiry subject in the test world has police intelligence");
  });

  afterAll(async () => {
    await stack?.stop();
    await backend?.cleanup();
  });

  it("filter (the default): denied parts are null, each with an error", async () => {
    const response = await socialWorker.query(MIXED, { id: enquiry.subjectId });
    expect(response.status).toBe(200);
    expect((response.errors ?? []).map((error) => pathKey(error.path ?? [])).sort()).toEqual(
      MIXED_DENIED,
    );
    expect(
      valuesAt(response.data, "subject.police.intelligence.@.sanitisedText".split(".")),
    ).not.toContain(null);
  });

  it("reject: 403 with the errors and no data when anything is denied", async () => {
    const response: Response = await socialWorker.query(
      MIXED,
      { id: enquiry.subjectId },
      reject.url,
    );
    expect(response).not.toHaveProperty("data");
    expect((response.errors ?? []).map((error) => pathKey(error.path ?? [])).sort()).toEqual(
      MIXED_DENIED,
    );
    for (const error of response.errors ?? []) {
      expect(error.extensions).toEqual({ code: UNAUTHORIZED_FIELD_OR_TYPE });
    }
    // The refusal is about permissions, not a malformed request: 403, as the gateway intends.
    expect(response.status).toBe(403);
  });

  it("reject: the normal answer when nothing is denied", async () => {
    const response = await socialWorker.query(ALLOWED, { id: enquiry.subjectId }, reject.url);
    const filtered = await socialWorker.query(ALLOWED, { id: enquiry.subjectId });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual(filtered.data);
    expect(
      valuesAt(response.data, "subject.police.intelligence.@.sanitisedText".split(".")),
    ).not.toEqual([]);
  });

  it("dry-run: everything is asked for, and extensions say what filter would deny", async () => {
    const response: Response = await socialWorker.query(
      MIXED,
      { id: enquiry.subjectId },
      dryRun.url,
    );
    expect(response.status).toBe(200);
    expect(extensionPaths(response, "authorizationDryRun")).toEqual(MIXED_DENIED);
    // Dry-run only relaxes the gateway. Each subgraph still enforces its own SDL, which declares
    // the same requirements, so what filter would have removed still comes back null: refused by
    // the subgraph, with its own error (a `reason`, the subgraph's name, and real list indices
    // where the gateway would say "@"). Dry-run tries out gateway rules; it never opens the data.
    const intelligence = valuesAt(response.data, ["subject", "police", "intelligence"])[0];
    if (!Array.isArray(intelligence)) throw new Error("no intelligence in the dry-run answer");
    expect(intelligence.length).toBeGreaterThan(0);
    for (const item of intelligence) {
      expect(item).toEqual({
        id: expect.any(String),
        sanitisedText: expect.any(String),
        sourceEvaluation: null,
      });
    }
    expect(valuesAt(response.data, ["subject", "health", "camhsInvolvements"])).toEqual([null]);
    const refusals = (response.errors ?? []).map((error) => ({
      path: pathKey(error.path ?? []),
      extensions: error.extensions,
    }));
    expect(refusals.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      {
        path: "subject.health.camhsInvolvements",
        extensions: {
          code: UNAUTHORIZED_FIELD_OR_TYPE,
          reason: "MISSING_REQUIREMENT",
          serviceName: "health",
        },
      },
      ...intelligence.map((_item, i) => ({
        path: `subject.police.intelligence.${i}.sourceEvaluation`,
        extensions: {
          code: UNAUTHORIZED_FIELD_OR_TYPE,
          reason: "MISSING_REQUIREMENT",
          serviceName: "police",
        },
      })),
    ]);
  });

  it("AUTHZ_ERRORS=extensions: the same nulls, the errors in extensions.authorizationErrors", async () => {
    const response: Response = await socialWorker.query(
      MIXED,
      { id: enquiry.subjectId },
      inExtensions.url,
    );
    const filtered = await socialWorker.query(MIXED, { id: enquiry.subjectId });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(extensionPaths(response, "authorizationErrors")).toEqual(MIXED_DENIED);
    expect(response.data).toEqual(filtered.data);
  });

  describe("dry-run with every field: the subgraphs alone release nothing filter would deny", () => {
    // With the gateway letting everything through, this is the subgraphs' own enforcement on its
    // own: the defence that remains should the gateway's filter ever be bypassed.
    const supergraph = loadSupergraphAuthorization();
    const root = selectEverything(supergraph.schema, "subject", "id: $id");
    const query = printOperation("DryRunMatrix", "$id: ID!", root);

    it.each(PERSONAS.map((persona) => persona.key))("%s", async (key) => {
      const session = await PersonaSession.signIn(stack.gatewayUrl, key);
      const purpose = session.enquiries.find((candidate) => candidate.id === enquiry.id) ?? null;
      session.declarePurpose(purpose);
      if (purpose && scopesForRoles(session.persona.roles).has("break-glass:declare")) {
        await session.declareBreakGlass(enquiry.subjectId, dryRun.url);
      }
      const expected = verdicts(supergraph, root, session.grants());
      const response: Response = await session.query(query, { id: enquiry.subjectId }, dryRun.url);
      expect(response.status).toBe(200);
      const denied = expected.denied.map((field) => pathKey(field.path)).sort();
      expect(extensionPaths(response, "authorizationDryRun")).toEqual(denied);
      for (const field of expected.denied) {
        for (const value of valuesAt(response.data, field.path)) {
          expect(value, pathKey(field.path)).toBeNull();
        }
      }
      for (const error of response.errors ?? []) {
        expect(error.extensions?.code, JSON.stringify(error)).toBe(UNAUTHORIZED_FIELD_OR_TYPE);
      }
    });
  });
});
