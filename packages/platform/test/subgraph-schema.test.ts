import { graphql, parse, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { buildAgencySchema } from "../src/subgraph/subgraph-schema.js";

const typeDefs = parse(`
  type Query { grants(status: ReviewStatus = PENDING): String }
  enum ReviewStatus { PENDING NOT_UPHELD }
`);

describe("an agency schema", () => {
  const schema = buildAgencySchema(typeDefs, {
    Query: { grants: (_parent: unknown, args: { status: string }) => args.status },
  });

  it("gives an enum argument's SDL default its stored form, as a value sent would have", async () => {
    const defaulted = await graphql({ schema, source: "{ grants }" });
    const sent = await graphql({ schema, source: "{ grants(status: NOT_UPHELD) }" });
    expect(defaulted.data).toEqual({ grants: "pending" });
    expect(sent.data).toEqual({ grants: "not_upheld" });
  });

  it("can be printed with its defaults", () => {
    expect(printSchema(schema)).toContain("grants(status: ReviewStatus = PENDING): String");
  });
});
