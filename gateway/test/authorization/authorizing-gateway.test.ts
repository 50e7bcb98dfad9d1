import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
} from "@apollo/server-gateway-interface";
import type { AccessRecord } from "@mash/access-log/entry";
import type { AccessLogWriter } from "@mash/access-log/writer";
import { createLogger } from "@mash/platform/observability/logger";
import type { Grants } from "@mash/schema/authorization/principal";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { buildASTSchema, type DocumentNode, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import type { AuthorizationMode } from "../../src/authorization/authorization-config.js";
import { AuthorizingGateway } from "../../src/authorization/authorizing-gateway.js";
import type { GatewayContext } from "../../src/context.js";
import { fakeInnerGateway } from "./fake-inner-gateway.js";

const SDL = `
directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
type Query { person(id: ID!): Person @requiresScopes(scopes: [["identity:read"]]) }
type Person {
  id: ID!
  name: String
  convictions: [String!] @requiresScopes(scopes: [["police:detail"]])
}`;
const document = parse(SDL);
const schema = buildASTSchema(document);
const index = RequirementIndex.fromSdl(document);
const QUERY = `query Q($id: ID!) { person(id: $id) { name convictions } }`;

function grants(scopes: string[]): Grants {
  return { authenticated: true, scopes: new Set(scopes), policies: new Set() };
}

interface Seen {
  queryHash: string;
  document: DocumentNode;
}

/** An inner gateway that records what the planner would have been given and answers fixed data. */
function harness(
  mode: AuthorizationMode,
  errors: "errors" | "extensions" | "none" = "errors",
  accessLog?: AccessLogWriter,
) {
  const seen: Seen[] = [];
  const inner = fakeInnerGateway(schema, SDL, (context): GatewayExecutionResult => {
    seen.push({ queryHash: context.queryHash, document: context.document });
    const selects = print(context.document).includes("convictions");
    return { data: { person: { name: "A", ...(selects ? { convictions: ["x"] } : {}) } } };
  });
  const gateway = new AuthorizingGateway(inner, {
    mode,
    errors,
    index,
    logger: createLogger("test", "silent"),
    ...(accessLog ? { accessLog, subjectType: "Person" } : {}),
  });
  gateway.onSchemaLoadOrUpdate(() => {});
  const run = async (
    scopes: string[],
    variables: Record<string, unknown> = { id: "1" },
    query = QUERY,
  ) => {
    const { executor } = await gateway.load({ apollo: {} as never });
    if (!executor) throw new Error("no executor");
    const http = { status: undefined as number | undefined, headers: new Map() };
    const context: GatewayContext = {
      requestId: "r",
      clientAddress: "127.0.0.1",
      logger: createLogger("test", "silent"),
      authority: { principal: null, purpose: null, breakGlass: [] },
      grants: grants(scopes),
      clientRequestId: null,
      access: { deniedPaths: [], rejected: false },
    };
    const requestContext = {
      request: { query, variables },
      response: { http },
      schema,
      context,
      queryHash: query === QUERY ? "original-hash" : "other-hash",
      document: parse(query),
      source: query,
      operationName: "Q",
      operation: parse(query).definitions[0],
    } as unknown as GatewayGraphQLRequestContext;
    const result = await executor(requestContext);
    return { result, http, context };
  };
  return { seen, run };
}

describe("AuthorizingGateway", () => {
  it("plans callers with equal grants from one filtered document (plan cache keeps working)", async () => {
    const { seen, run } = harness("filter");
    await run(["identity:read"]);
    await run(["identity:read"]);
    await run(["identity:read", "unrelated:scope"]);
    expect(seen).toHaveLength(3);
    expect(seen[0]?.queryHash).toBe(seen[1]?.queryHash);
    expect(seen[0]?.document).toBe(seen[1]?.document);
    expect(seen[0]?.queryHash).not.toBe("original-hash");
    // A different grant set is filtered on its own, but when it removes the same fields the text
    // (and so the plan-cache key) is the same: the planner shares the plan.
    expect(seen[2]?.queryHash).toBe(seen[0]?.queryHash);
    expect(print(seen[2]?.document as DocumentNode)).toBe(print(seen[0]?.document as DocumentNode));
  });

  it("runs a fully authorized operation as it was asked", async () => {
    const { seen, run } = harness("filter");
    const { result, context } = await run(["identity:read", "police:detail"]);
    expect(print(seen[0]?.document as DocumentNode)).toBe(print(parse(QUERY)));
    expect(result.errors).toBeUndefined();
    expect(context.access.deniedPaths).toEqual([]);
  });

  it("filters: null where removed, one error per path, recorded for the access log", async () => {
    const { seen, run } = harness("filter");
    const { result, context } = await run(["identity:read"]);
    expect(print(seen[0]?.document as DocumentNode)).not.toContain("convictions");
    expect(result.data).toEqual({ person: { name: "A", convictions: null } });
    expect(
      result.errors?.map((error) => [error.message, error.path, error.extensions?.code]),
    ).toEqual([
      ["Unauthorized field or type", ["person", "convictions"], "UNAUTHORIZED_FIELD_OR_TYPE"],
    ]);
    expect(context.access.deniedPaths).toEqual([["person", "convictions"]]);
  });

  it("rejects the whole operation in reject mode, with HTTP 403 and without asking anyone", async () => {
    const { seen, run } = harness("reject");
    const { result, context } = await run(["identity:read"]);
    expect(seen).toHaveLength(0);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    // Apollo Server takes the HTTP status from the errors' extensions.
    expect(result.errors?.[0]?.extensions?.http).toEqual({ status: 403 });
    expect(context.access.rejected).toBe(true);
  });

  it("answers in full in dry-run mode and says what filter mode would remove", async () => {
    const { seen, run } = harness("dry-run");
    const { result } = await run(["identity:read"]);
    expect(print(seen[0]?.document as DocumentNode)).toBe(print(parse(QUERY)));
    expect(result.data).toEqual({ person: { name: "A", convictions: ["x"] } });
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.authorizationDryRun).toEqual([
      expect.objectContaining({ path: ["person", "convictions"] }),
    ]);
  });

  it("puts the errors in extensions, or nowhere, when configured", async () => {
    const inExtensions = await harness("filter", "extensions").run(["identity:read"]);
    expect(inExtensions.result.errors).toBeUndefined();
    expect(inExtensions.result.extensions?.authorizationErrors).toHaveLength(1);
    const nowhere = await harness("filter", "none").run(["identity:read"]);
    expect(nowhere.result.errors).toBeUndefined();
    expect(nowhere.result.data).toEqual({ person: { name: "A", convictions: null } });
  });

  it("answers a client's mistake found while filtering with 400, not 500", async () => {
    const { run } = harness("filter");
    const { result } = await run(["identity:read"], { id: { not: "an id" } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      http: { status: 400 },
    });
  });

  it("keys cached filtering on variables whenever @include/@skip appear, however spelled", async () => {
    const { seen, run } = harness("filter");
    const query = `query Q($id: ID!, $show: Boolean!) { person(id: $id) { name convictions @ include(if: $show) } }`;
    const hidden = await run(["identity:read"], { id: "1", show: false }, query);
    expect(hidden.result.errors).toBeUndefined();
    const shown = await run(["identity:read"], { id: "1", show: true }, query);
    expect(shown.result.errors?.[0]?.path).toEqual(["person", "convictions"]);
    expect(print(seen[1]?.document as DocumentNode)).not.toContain("convictions");
  });

  it("records each protected read once, with the subjects it returned, and nothing else", async () => {
    const records: AccessRecord[] = [];
    const writer = { record: async (entry: AccessRecord) => void records.push(entry) };
    const { seen, run } = harness("filter", "errors", writer as unknown as AccessLogWriter);
    const { result } = await run(["identity:read"]);
    // The gateway asked for the person's id itself, and took it out of the answer again.
    expect(print(seen[0]?.document as DocumentNode)).toContain("__mashSubjectId: id");
    expect(result.data).toEqual({ person: { name: "A", convictions: null } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      fieldsReturned: ["Query.person"],
      fieldsDenied: ["person.convictions"],
      outcome: "returned",
    });
    await run(["identity:read"], { id: "1" }, `query Q { __typename }`);
    expect(records).toHaveLength(1);
  });

  it("releases nothing protected when the access cannot be recorded (fail closed)", async () => {
    const writer = {
      record: async () => {
        throw new Error("store down");
      },
    };
    const { run } = harness("filter", "errors", writer as unknown as AccessLogWriter);
    const { result } = await run(["identity:read", "police:detail"]);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      reason: "ACCESS_LOG_UNAVAILABLE",
      http: { status: 503 },
    });
    // Nothing protected asked for, nothing to record: the answer still flows.
    const open = await run([], { id: "1" }, `query Q { __typename }`);
    expect(open.result.errors).toBeUndefined();
    expect(open.result.data).toBeDefined();
  });

  it("does nothing at all in off mode", async () => {
    const { seen, run } = harness("off");
    const { result } = await run([]);
    expect(seen[0]?.queryHash).toBe("original-hash");
    expect(result.errors).toBeUndefined();
  });
});
