import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { graphql, parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  enforceRequirements,
  UndeclaredPurposeScopeError,
} from "../src/authorization/enforce-requirements.js";
import {
  aboutEnquiry,
  aboutParentSubject,
  aboutSubject,
  scopedByArguments,
} from "../src/authorization/purpose-scope.js";
import { subgraphAuthorization } from "../src/authorization/subgraph-authorization.js";
import { buildAgencySchema } from "../src/subgraph/subgraph-schema.js";

// A small subgraph with one purpose-bound field of each kind of scope.
const SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@requiresScopes", "@policy"])
  type Query {
    section(subjectId: ID): Section @requiresScopes(scopes: [["police:known"]])
    enquiry(id: ID!): Enquiry @requiresScopes(scopes: [["police:known"]])
  }
  type Mutation {
    record(enquiryId: ID!): Boolean
      @requiresScopes(scopes: [["police:summary"]]) @policy(policies: [["purpose"]])
  }
  type Section {
    known: Boolean @requiresScopes(scopes: [["police:known"]])
    summary: String @requiresScopes(scopes: [["police:summary"]]) @policy(policies: [["purpose"]])
    secret: String
      @requiresScopes(scopes: [["police:summary"]])
      @policy(policies: [["purpose", "break-glass"]])
  }
  type Enquiry @key(fields: "id") {
    id: ID!
    disclosures: String @requiresScopes(scopes: [["police:summary"]]) @policy(policies: [["purpose"]])
  }
`);

const SUBJECT = "5f0c1f8e-1111-4111-8111-111111111111";
const OTHER = "5f0c1f8e-2222-4222-8222-222222222222";
const ENQUIRY = "5f0c1f8e-3333-4333-8333-333333333333";

const declared = {
  Query: {
    // A parent that names its subject, or (subjectId: null) one that does not.
    section: (_root: unknown, args: { subjectId?: string | null }) =>
      args.subjectId === undefined ? {} : { subjectId: args.subjectId },
    enquiry: (_root: unknown, args: { id: string }) => ({ id: args.id }),
  },
  Mutation: {
    record: scopedByArguments("the test resolver", () => true),
  },
  Section: aboutParentSubject({
    known: () => true,
    summary: () => "summary",
    secret: () => "secret",
  }),
  Enquiry: {
    disclosures: aboutEnquiry(
      (enquiry: { id: string }) => enquiry.id,
      () => "disclosed",
    ),
  },
};

const schema = enforceRequirements(buildAgencySchema(SDL, declared), RequirementIndex.fromSdl(SDL));

function caller(options: { purpose?: boolean; breakGlassFor?: string } = {}) {
  return {
    auth: subgraphAuthorization({
      principal: { id: "officer-1", displayName: "Officer", agency: "police", roles: ["x"] },
      purpose: options.purpose === false ? null : { enquiryId: ENQUIRY, subjectIds: [SUBJECT] },
      breakGlass: options.breakGlassFor
        ? [{ id: "g1", subjectId: options.breakGlassFor, expiresAt: "2999-01-01T00:00:00Z" }]
        : [],
    }),
  };
}

// The scopes come from the catalogue by role; give this caller the two the SDL names directly.
function withScopes(context: ReturnType<typeof caller>) {
  const grants = context.auth.grants;
  return {
    auth: {
      ...context.auth,
      grants: { ...grants, scopes: new Set(["police:known", "police:summary"]) },
    },
  };
}

async function run(source: string, context: ReturnType<typeof caller>) {
  return graphql({ schema, source, contextValue: withScopes(context) });
}

function reasons(result: Awaited<ReturnType<typeof run>>) {
  return (result.errors ?? []).map((error) => [error.path?.join("."), error.extensions.reason]);
}

describe("purpose-bound fields declare what they are about", () => {
  it("refuses a schema with a purpose-bound field that declares nothing, naming it", () => {
    const forgetful = { ...declared, Section: { summary: () => "x", secret: () => "y" } };
    expect(() =>
      enforceRequirements(buildAgencySchema(SDL, forgetful), RequirementIndex.fromSdl(SDL)),
    ).toThrow(UndeclaredPurposeScopeError);
    expect(() =>
      enforceRequirements(buildAgencySchema(SDL, forgetful), RequirementIndex.fromSdl(SDL)),
    ).toThrow(/Section\.summary, Section\.secret/);
  });

  it("releases a subject's data only for a subject of the purpose", async () => {
    const inside = await run(`{ section(subjectId: "${SUBJECT}") { known summary } }`, caller());
    expect(inside.data).toEqual({ section: { known: true, summary: "summary" } });
    const outside = await run(`{ section(subjectId: "${OTHER}") { known summary } }`, caller());
    expect(outside.data).toEqual({ section: { known: true, summary: null } });
    expect(reasons(outside)).toEqual([["section.summary", "OUTSIDE_PURPOSE"]]);
  });

  it("denies a field whose subject cannot be determined, whatever the caller holds", async () => {
    const result = await run(`{ section { known summary } }`, caller({ breakGlassFor: SUBJECT }));
    expect(result.data).toEqual({ section: { known: true, summary: null } });
    expect(reasons(result)).toEqual([["section.summary", "PURPOSE_SCOPE_UNDETERMINED"]]);
  });

  it("needs a break-glass grant for that very subject for break-glass fields", async () => {
    const query = `{ section(subjectId: "${SUBJECT}") { secret } }`;
    expect(reasons(await run(query, caller()))).toEqual([
      ["section.secret", "MISSING_REQUIREMENT"],
    ]);
    expect(reasons(await run(query, caller({ breakGlassFor: OTHER })))).toEqual([
      ["section.secret", "NO_BREAK_GLASS"],
    ]);
    expect((await run(query, caller({ breakGlassFor: SUBJECT }))).data).toEqual({
      section: { secret: "secret" },
    });
  });

  it("releases an enquiry's data only under that enquiry as the purpose", async () => {
    const own = await run(`{ enquiry(id: "${ENQUIRY}") { disclosures } }`, caller());
    expect(own.data).toEqual({ enquiry: { disclosures: "disclosed" } });
    const other = await run(`{ enquiry(id: "${OTHER}") { disclosures } }`, caller());
    expect(reasons(other)).toEqual([["enquiry.disclosures", "OUTSIDE_PURPOSE"]]);
  });

  it("leaves an argument-scoped mutation to its resolver, once a purpose is verified", async () => {
    const mutation = `mutation { record(enquiryId: "${ENQUIRY}") }`;
    expect((await run(mutation, caller())).data).toEqual({ record: true });
    expect(reasons(await run(mutation, caller({ purpose: false })))).toEqual([
      ["record", "MISSING_REQUIREMENT"],
    ]);
  });

  it("keeps a declared resolver's own behaviour", () => {
    const resolve = aboutSubject(
      (parent: { id: string }) => parent.id,
      (parent: { id: string }) => parent.id.toUpperCase(),
    );
    expect(resolve({ id: "abc" }, {}, {}, {} as never)).toBe("ABC");
  });
});
