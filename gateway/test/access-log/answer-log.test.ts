import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
} from "@apollo/server-gateway-interface";
import type { AccessRecord } from "@mash/access-log/entry";
import type { AccessLogWriter } from "@mash/access-log/writer";
import { createLogger } from "@mash/platform/observability/logger";
import type { BreakGlassGrant, Grants } from "@mash/schema/authorization/principal";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { buildASTSchema, GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { AuthorizingGateway } from "../../src/authorization/authorizing-gateway.js";
import type { GatewayContext } from "../../src/context.js";
import { fakeInnerGateway } from "../authorization/fake-inner-gateway.js";

// The access log records the answer, not the question: each refusal kind below ends in an entry
// that says denied, with the reason, and lists as returned exactly what the answer held.

const SDL = `
directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
type Query {
  subject(id: ID!): Subject @requiresScopes(scopes: [["identity:read"]])
  enquiry(id: ID!): Enquiry @requiresScopes(scopes: [["identity:read"]])
}
type Mutation {
  reviewGrant(input: ReviewInput!): Grant @requiresScopes(scopes: [["access-log:read-all"]])
}
enum Outcome { UPHELD NOT_UPHELD }
input ReviewInput { grantId: ID! outcome: Outcome! note: String! subjectId: ID }
type Grant { id: ID! status: Outcome }
type Enquiry { id: ID! status: String }
type Subject {
  id: ID!
  name: String @requiresScopes(scopes: [["identity:read"]])
  summary: String @requiresScopes(scopes: [["police:summary"]]) @policy(policies: [["purpose"]])
  protectedName: String @requiresScopes(scopes: [["probation:restricted"]]) @policy(policies: [["purpose", "break-glass"]])
  household: [Subject!] @requiresScopes(scopes: [["identity:read"]])
}`;
const sdl = parse(SDL);
const schema = buildASTSchema(sdl);
const index = RequirementIndex.fromSdl(sdl);

const ALICE = "00000000-0000-4000-8000-00000000000a";
const BOB = "00000000-0000-4000-8000-00000000000b";
const ENQUIRY = "00000000-0000-4000-8000-0000000000e1";
const GRANT_FOR_BOB: BreakGlassGrant = {
  id: "00000000-0000-4000-8000-0000000000f1",
  subjectId: BOB,
  expiresAt: "2099-01-01T00:00:00Z",
};
const GRANT_FOR_ALICE: BreakGlassGrant = {
  ...GRANT_FOR_BOB,
  id: "00000000-0000-4000-8000-0000000000f2",
  subjectId: ALICE,
};

type Executor = (document: string) => GatewayExecutionResult;

function setUp(executor: Executor, writer?: { record: (entry: AccessRecord) => Promise<void> }) {
  const records: AccessRecord[] = [];
  const gateway = new AuthorizingGateway(
    fakeInnerGateway(schema, SDL, (context) => executor(context.source)),
    {
      mode: "filter",
      errors: "errors",
      index,
      logger: createLogger("test", "silent"),
      accessLog: (writer ?? {
        record: async (entry: AccessRecord) => void records.push(entry),
      }) as unknown as AccessLogWriter,
    },
  );
  gateway.onSchemaLoadOrUpdate(() => {});
  const run = async (
    query: string,
    options: {
      scopes: string[];
      policies?: string[];
      grants?: BreakGlassGrant[];
      variables?: Record<string, unknown>;
    },
  ) => {
    const { executor: execute } = await gateway.load({ apollo: {} as never });
    if (!execute) throw new Error("no executor");
    const grants: Grants = {
      authenticated: true,
      scopes: new Set(options.scopes),
      policies: new Set(options.policies ?? []),
    };
    const context: GatewayContext = {
      requestId: "gateway-request-id",
      clientRequestId: "their-id",
      clientAddress: "127.0.0.1",
      logger: createLogger("test", "silent"),
      authority: {
        principal: {
          id: "dev-probation-officer",
          displayName: "P",
          agency: "probation",
          roles: ["probation-officer"],
        },
        purpose: { enquiryId: ENQUIRY, subjectIds: [ALICE, BOB] },
        breakGlass: options.grants ?? [],
      },
      grants,
      access: { deniedPaths: [], rejected: false },
    };
    const document = parse(query);
    const requestContext = {
      request: { query, variables: options.variables ?? {} },
      response: { http: { headers: new Map() } },
      schema,
      context,
      queryHash: query,
      document,
      source: query,
      operationName: null,
      operation: document.definitions[0],
    } as unknown as GatewayGraphQLRequestContext;
    const result = await execute(requestContext);
    return { result, entries: records.splice(0) };
  };
  return { run };
}

/** A subgraph's refusal as @apollo/gateway passes it on. */
function refusal(path: (string | number)[], reason: string, code = "UNAUTHORIZED_FIELD_OR_TYPE") {
  return new GraphQLError("Unauthorized field or type", {
    path,
    extensions: { code, reason, serviceName: "probation" },
  });
}

const PROBATION = ["identity:read", "police:summary", "probation:restricted"];

describe("the access log records the answer sent, and every refusal with its reason", () => {
  it("a subgraph's NO_BREAK_GLASS: denied with the reason, nothing restricted returned, no grant cited", async () => {
    // A grant for Bob, a question about Alice: the gateway lets the field through (a grant is in
    // force), and the subgraph refuses it record by record.
    const { run } = setUp(() => ({
      data: { subject: { name: "Alice", protectedName: null, __mashSubjectId: ALICE } },
      errors: [refusal(["subject", "protectedName"], "NO_BREAK_GLASS")],
    }));
    const { result, entries } = await run(`{ subject(id: "${ALICE}") { name protectedName } }`, {
      scopes: PROBATION,
      policies: ["purpose", "break-glass"],
      grants: [GRANT_FOR_BOB],
    });
    expect(result.data).toEqual({ subject: { name: "Alice", protectedName: null } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      outcome: "returned",
      fieldsRequested: ["Query.subject", "Subject.name", "Subject.protectedName"],
      fieldsReturned: ["Query.subject", "Subject.name"],
      fieldsDenied: ["subject.protectedName"],
      denials: [{ path: "subject.protectedName", reason: "NO_BREAK_GLASS", service: "probation" }],
      breakGlassGrantIds: [],
      subjectIds: [ALICE],
    });
  });

  it("a subgraph's OUTSIDE_PURPOSE: denied with the reason, found by a denied-only filter", async () => {
    const { run } = setUp(() => ({
      data: { subject: { summary: null, __mashSubjectId: ALICE } },
      errors: [refusal(["subject", "summary"], "OUTSIDE_PURPOSE")],
    }));
    const { entries } = await run(`{ subject(id: "${ALICE}") { summary } }`, {
      scopes: PROBATION,
      policies: ["purpose"],
    });
    expect(entries[0]).toMatchObject({
      outcome: "returned",
      fieldsReturned: ["Query.subject"],
      denials: [{ path: "subject.summary", reason: "OUTSIDE_PURPOSE", service: "probation" }],
    });
  });

  it("a subgraph's NOT_A_PARTICIPANT: the whole answer refused, so the outcome is denied", async () => {
    const { run } = setUp(() => ({
      data: { enquiry: null },
      errors: [refusal(["enquiry"], "NOT_A_PARTICIPANT", "FORBIDDEN")],
    }));
    const { entries } = await run(`{ enquiry(id: "${ENQUIRY}") { id status } }`, {
      scopes: PROBATION,
    });
    expect(entries[0]).toMatchObject({
      outcome: "denied",
      fieldsRequested: ["Query.enquiry"],
      fieldsReturned: [],
      denials: [{ path: "enquiry", reason: "NOT_A_PARTICIPANT", service: "probation" }],
    });
  });

  it("the gateway filter's refusals carry why: no purpose, no break-glass, a missing scope", async () => {
    const { run } = setUp(() => ({ data: { subject: { name: "Alice", __mashSubjectId: ALICE } } }));
    const { result, entries } = await run(
      `{ subject(id: "${ALICE}") { name summary protectedName household { id } } }`,
      { scopes: ["identity:read", "police:summary"] },
    );
    expect(result.errors?.map((error) => error.path?.join("."))).toEqual([
      "subject.summary",
      "subject.protectedName",
    ]);
    expect(entries[0]?.denials).toEqual([
      { path: "subject.protectedName", reason: "MISSING_SCOPE", service: null },
      { path: "subject.summary", reason: "NO_PURPOSE", service: null },
    ]);
    const withPurpose = await run(`{ subject(id: "${ALICE}") { protectedName } }`, {
      scopes: PROBATION,
      policies: ["purpose"],
    });
    expect(withPurpose.entries[0]).toMatchObject({
      outcome: "denied",
      fieldsReturned: [],
      denials: [{ path: "subject.protectedName", reason: "NO_BREAK_GLASS", service: null }],
    });
  });

  it("names only the non-null protected values of the answer sent, through lists and aliases", async () => {
    const { run } = setUp(() => ({
      data: {
        one: {
          name: null,
          household: [{ id: BOB, label: "Bob", __mashSubjectId: BOB }],
          __mashSubjectId: ALICE,
        },
      },
    }));
    const { result, entries } = await run(
      `{ one: subject(id: "${ALICE}") { name household { id label: name } } }`,
      { scopes: PROBATION },
    );
    expect(result.data).toEqual({ one: { name: null, household: [{ id: BOB, label: "Bob" }] } });
    expect(entries[0]).toMatchObject({
      outcome: "returned",
      fieldsReturned: ["Query.subject", "Subject.household", "Subject.name"],
      subjectIds: [ALICE, BOB],
    });
  });

  it("cites a break-glass grant only when it released something, and only that grant", async () => {
    const { run } = setUp(() => ({
      data: { subject: { protectedName: "Alias", __mashSubjectId: ALICE } },
    }));
    const { entries } = await run(`{ subject(id: "${ALICE}") { protectedName } }`, {
      scopes: PROBATION,
      policies: ["purpose", "break-glass"],
      grants: [GRANT_FOR_BOB, GRANT_FOR_ALICE],
    });
    expect(entries[0]).toMatchObject({
      outcome: "returned",
      fieldsReturned: ["Query.subject", "Subject.protectedName"],
      breakGlassGrantIds: [GRANT_FOR_ALICE.id],
    });
  });

  it("records nothing returned when the data is simply absent, and keeps both request ids", async () => {
    const { run } = setUp(() => ({ data: { subject: null } }));
    const { entries } = await run(`{ subject(id: "${ALICE}") { name } }`, { scopes: PROBATION });
    expect(entries[0]).toMatchObject({
      outcome: "nothing_returned",
      fieldsReturned: [],
      denials: [],
      requestId: "gateway-request-id",
      clientRequestId: "their-id",
    });
  });
});

describe("a mutation is on record before it acts", () => {
  const REVIEW = `mutation ($grant: ID!) {
    reviewGrant(input: { grantId: $grant, outcome: NOT_UPHELD, note: "Alice Example's details", subjectId: "${ALICE}" }) { id status }
  }`;

  it("records the intent (ids and enum values, never free text), then the outcome", async () => {
    let executedAfterIntent = false;
    const order: string[] = [];
    const { run } = setUp(() => {
      order.push("executed");
      executedAfterIntent = true;
      return { data: { reviewGrant: { id: GRANT_FOR_BOB.id, status: "NOT_UPHELD" } } };
    });
    const { entries } = await run(REVIEW, {
      scopes: ["access-log:read-all"],
      variables: { grant: GRANT_FOR_BOB.id },
    });
    expect(executedAfterIntent).toBe(true);
    expect(entries.map((entry) => [entry.kind, entry.outcome])).toEqual([
      ["mutation_intent", "pending"],
      ["access", "returned"],
    ]);
    const [intent] = entries;
    expect(intent).toMatchObject({
      operationType: "mutation",
      subjectIds: [ALICE],
      fieldsRequested: ["Mutation.reviewGrant"],
      arguments: {
        "reviewGrant.input.grantId": [GRANT_FOR_BOB.id],
        "reviewGrant.input.outcome": ["NOT_UPHELD"],
        "reviewGrant.input.subjectId": [ALICE],
      },
    });
    expect(JSON.stringify(entries)).not.toContain("Example");
  });

  it("changes nothing when the intent cannot be recorded", async () => {
    let executed = false;
    const { run } = setUp(
      () => {
        executed = true;
        return { data: { reviewGrant: null } };
      },
      {
        record: async () => {
          throw new Error("store down");
        },
      },
    );
    const { result } = await run(REVIEW, {
      scopes: ["access-log:read-all"],
      variables: { grant: GRANT_FOR_BOB.id },
    });
    expect(executed).toBe(false);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      reason: "ACCESS_LOG_UNAVAILABLE",
    });
  });
});
