import { ApolloServer } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../src/graphql/errors.js";
import {
  clientFacingError,
  GATEWAY_OPERATION_LIMITS,
  loadOperationLimits,
  type OperationLimits,
  operationLimitOptions,
  SUBGRAPH_OPERATION_LIMITS,
} from "../src/graphql/operation-limits.js";

const typeDefs = `
  type Query { node: Node, nodes(first: Int): [Node!]! }
  type Node { id: ID!, name: String, child: Node, children(first: Int): [Node!]! }
`;
const node = { id: "1", name: "n" };
const resolvers = {
  Query: { node: () => node, nodes: () => [node] },
  Node: { child: () => node, children: () => [node] },
};

const LIMITS: OperationLimits = { tokens: 200, depth: 5, aliases: 3, directives: 3, cost: 300 };

function server(options: { suggestions: boolean } = { suggestions: false }) {
  return new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
    ...operationLimitOptions(LIMITS),
    formatError: (formatted, error) => clientFacingError(formatted, error, options),
  });
}

async function run(query: string, apollo = server()) {
  const response = await apollo.executeOperation({ query });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { status: response.http.status, ...response.body.singleResult };
}

function nested(levels: number): string {
  return `{ node ${"{ child ".repeat(levels)}{ id }${" }".repeat(levels)} }`;
}

describe("operation limits", () => {
  it("lets an operation within every limit through", async () => {
    const result = await run("{ a: node { id name } b: node { id child { id } } }");
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { id: "1", name: "n" }, b: { id: "1", child: { id: "1" } } });
  });

  it.each([
    [
      "tokens",
      `{ ${Array.from({ length: 120 }, (_, i) => `f${i}: __typename`).join(" ")} }`,
      ErrorCode.OperationTooManyTokens,
    ],
    ["depth", nested(6), ErrorCode.OperationTooDeep],
    [
      "aliases",
      "{ a: node { id } b: node { id } c: node { id } d: node { id } }",
      ErrorCode.OperationTooManyAliases,
    ],
    [
      "directives",
      "{ node @include(if: true) { id @skip(if: false) name @skip(if: false) child @skip(if: false) { id } } }",
      ErrorCode.OperationTooManyDirectives,
    ],
    ["cost", "{ nodes(first: 100) { id name } }", ErrorCode.OperationTooCostly],
  ])(
    "refuses an operation over the %s limit with its own code and 400",
    async (limit, query, code) => {
      const result = await run(query);
      expect(result.data).toBeUndefined();
      expect(result.status).toBe(400);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code,
        limit: LIMITS[limit as keyof OperationLimits],
      });
      expect(result.errors?.[0]?.message).toMatch(/^The operation is over a limit: /);
    },
  );

  it("counts depth through fragments as if they were written out", async () => {
    const query = `{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { child { child { child { id } } } } }`;
    expect((await run(query)).errors?.[0]?.extensions?.code).toBe(ErrorCode.OperationTooDeep);
  });

  it("says nothing of fields that exist, outside development", async () => {
    const hidden = await run("{ node { nme } }");
    expect(hidden.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Node".');
    const development = await run("{ node { nme } }", server({ suggestions: true }));
    expect(development.errors?.[0]?.message).toContain('Did you mean "name"?');
  });

  it("keeps the gateway's limits below the subgraphs' (plans add keys and levels)", () => {
    for (const key of Object.keys(GATEWAY_OPERATION_LIMITS) as (keyof OperationLimits)[]) {
      expect(SUBGRAPH_OPERATION_LIMITS[key], key).toBeGreaterThan(GATEWAY_OPERATION_LIMITS[key]);
    }
  });

  it("reads OPERATION_MAX_* and refuses a limit that would switch a check off", () => {
    expect(
      loadOperationLimits("gateway", GATEWAY_OPERATION_LIMITS, { OPERATION_MAX_DEPTH: "9" }),
    ).toEqual({
      ...GATEWAY_OPERATION_LIMITS,
      depth: 9,
    });
    expect(() =>
      loadOperationLimits("gateway", GATEWAY_OPERATION_LIMITS, { OPERATION_MAX_COST: "0" }),
    ).toThrow(/OPERATION_MAX_COST/);
  });
});
