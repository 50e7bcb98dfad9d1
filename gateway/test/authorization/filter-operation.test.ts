import type { Holder } from "@mash/schema/authorization/requirement";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  buildASTSchema,
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  parse,
  print,
  validate,
  visit,
} from "graphql";
import { describe, expect, it, vi } from "vitest";
import { completeResponse } from "../../src/authorization/complete-response.js";
import {
  type FilterResult,
  filterOperation,
  HIDDEN_TYPENAME_KEY,
} from "../../src/authorization/filter-operation.js";
import {
  ALL_SCOPES,
  anonymous,
  everything,
  holder,
  index,
  rootValue,
  schema,
} from "./mash-fixture.js";

interface FilterOptions {
  variables?: Record<string, unknown>;
  operationName?: string;
  maxSelections?: number;
  schema?: GraphQLSchema;
  index?: RequirementIndex;
}

/**
 * Filters an operation and applies the assertions every case shares: the input was valid, and the
 * output is a single self-contained operation (no named fragments, no @include/@skip) that still
 * validates against the schema, with no variable definitions left unused.
 */
function filter(source: string, who: Holder, options: FilterOptions = {}): FilterResult {
  const targetSchema = options.schema ?? schema;
  const document = parse(source);
  expect(validate(targetSchema, document), "the test operation itself is valid").toEqual([]);
  const result = filterOperation({
    schema: targetSchema,
    index: options.index ?? index,
    holder: who,
    document,
    operationName: options.operationName,
    variables: options.variables,
    maxSelections: options.maxSelections,
  });
  expectExecutable(targetSchema, result);
  return result;
}

function expectExecutable(targetSchema: GraphQLSchema, result: FilterResult): void {
  expect(result.changed).toBe(result.unauthorizedPaths.length > 0);
  if (!result.document) {
    expect(result.completion.root).toBeNull();
    return;
  }
  expect(validate(targetSchema, result.document)).toEqual([]);
  expect(result.document.definitions).toHaveLength(1);
  const found = { spreads: 0, includeOrSkip: 0 };
  visit(result.document, {
    FragmentSpread() {
      found.spreads += 1;
    },
    Directive(directive) {
      if (directive.name.value === "include" || directive.name.value === "skip") {
        found.includeOrSkip += 1;
      }
    },
  });
  expect(found).toEqual({ spreads: 0, includeOrSkip: 0 });
}

/** The printed output, or null: compared with `gql(...)` of the expected operation. */
function printed(result: FilterResult): string | null {
  return result.document ? print(result.document) : null;
}

function gql(source: string): string {
  return print(parse(source));
}

interface RouterResponse {
  data: Record<string, unknown> | null;
  errors?: { message: string; path: string[]; extensions: { code: string } }[];
}

/**
 * What the gateway will do: filter, execute what is left (graphql-js against fixture data stands
 * in for the query planner and subgraphs), complete, and report one error per removed path.
 */
async function respond(
  source: string,
  who: Holder,
  variables?: Record<string, unknown>,
  root: object = rootValue,
): Promise<RouterResponse> {
  const result = filter(source, who, { variables });
  const errors = result.unauthorizedPaths.map((path) => ({
    message: "Unauthorized field or type",
    path,
    extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" },
  }));
  let data: Record<string, unknown> | null = null;
  if (result.document) {
    const executed = await executeDocument(result.document, variables, root);
    expect(executed.errors).toBeUndefined();
    data = completeResponse(result.completion, executed.data);
  }
  return errors.length > 0 ? { data, errors } : { data };
}

async function executeDocument(
  document: DocumentNode,
  variables?: Record<string, unknown>,
  root: object = rootValue,
): Promise<ExecutionResult> {
  return await execute({ schema, document, rootValue: root, variableValues: variables });
}

function unauthorized(...paths: string[][]) {
  return paths.map((path) => ({
    message: "Unauthorized field or type",
    path,
    extensions: { code: "UNAUTHORIZED_FIELD_OR_TYPE" },
  }));
}

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error("expected a GraphQLError");
}

const noScopes = holder();

describe("filterOperation: fields", () => {
  it("leaves an operation the holder may fully see as it was", () => {
    const source = `
      query Subject($id: ID!) {
        subject(id: $id) { id name dateOfBirth police { reference intelligence } }
      }`;
    const result = filter(source, everything, { variables: { id: "s1" } });
    expect(result.unauthorizedPaths).toEqual([]);
    expect(result.changed).toBe(false);
    expect(printed(result)).toBe(gql(source));
  });

  it("removes an unauthorized field and reports its path", () => {
    const result = filter(`{ subject(id: "s1") { id dateOfBirth } }`, noScopes);
    expect(printed(result)).toBe(gql(`{ subject(id: "s1") { id } }`));
    expect(result.unauthorizedPaths).toEqual([["subject", "dateOfBirth"]]);
    expect(result.changed).toBe(true);
  });

  it("reports response keys, and an alias does not reach a protected field", () => {
    const result = filter(
      `{ child: subject(id: "s1") { id name: dateOfBirth intel: police { i: intelligence } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ child: subject(id: "s1") { id } }`));
    expect(result.unauthorizedPaths).toEqual([
      ["child", "name"],
      ["child", "intel", "i"],
    ]);
  });

  it('marks each list level with "@", through nested entities', () => {
    const result = filter(
      `{ subjects(first: 2) { totalCount nodes { id police { reference intelligence } } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(
      gql(`{ subjects(first: 2) { totalCount nodes { id police { reference } } } }`),
    );
    expect(result.unauthorizedPaths).toEqual([
      ["subjects", "nodes", "@", "police", "intelligence"],
    ]);
  });

  it("deduplicates a path selected twice", () => {
    const result = filter(
      `{ subject(id: "s1") { id dateOfBirth } subject(id: "s1") { dateOfBirth name } }`,
      noScopes,
    );
    expect(result.unauthorizedPaths).toEqual([["subject", "dateOfBirth"]]);
  });

  it("removes a field whose selection set empties, with one error per child and none for it", () => {
    const result = filter(
      `{ subject(id: "s1") { id police { intelligence warningMarkers } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ subject(id: "s1") { id } }`));
    expect(result.unauthorizedPaths).toEqual([
      ["subject", "police", "intelligence"],
      ["subject", "police", "warningMarkers"],
    ]);
  });

  it("returns no document when nothing requested is authorized, emptying up to the root", () => {
    const result = filter(`{ subject(id: "s1") { police { intelligence } } }`, noScopes);
    expect(result.document).toBeNull();
    expect(result.unauthorizedPaths).toEqual([["subject", "police", "intelligence"]]);
    expect(completeResponse(result.completion, { subject: { police: {} } })).toBeNull();
  });

  it("keeps arguments, and directives other than @include/@skip", () => {
    const result = filter(
      `{ subjects(first: 1) { nodes { id @trace(label: "x") dateOfBirth @trace } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ subjects(first: 1) { nodes { id @trace(label: "x") } } }`));
  });

  it("lets __typename and introspection through for anyone", () => {
    const source = `{ __typename __schema { queryType { name } } __type(name: "Subject") { fields { name } } }`;
    const result = filter(source, anonymous);
    expect(result.unauthorizedPaths).toEqual([]);
    expect(printed(result)).toBe(gql(source));
  });
});

describe("filterOperation: fragments", () => {
  it("inlines a named fragment and reports each place it is spread", () => {
    const result = filter(
      `query {
        subject(id: "s1") { police { ...PoliceBits } }
        watchlist { id police { ...PoliceBits } }
      }
      fragment PoliceBits on PoliceRecord { reference intelligence }`,
      noScopes,
    );
    expect(printed(result)).toBe(
      gql(`{
        subject(id: "s1") { police { ... on PoliceRecord { reference } } }
        watchlist { id police { ... on PoliceRecord { reference } } }
      }`),
    );
    expect(result.unauthorizedPaths).toEqual([
      ["subject", "police", "intelligence"],
      ["watchlist", "@", "police", "intelligence"],
    ]);
  });

  it("filters nested named and inline fragments, dropping those left empty", () => {
    const result = filter(
      `query {
        subjects { nodes { ...SubjectCard } }
      }
      fragment SubjectCard on Subject { id ... { dateOfBirth } ...Police }
      fragment Police on Subject { police { intelligence } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ subjects { nodes { ... on Subject { id } } } }`));
    expect(result.unauthorizedPaths).toEqual([
      ["subjects", "nodes", "@", "dateOfBirth"],
      ["subjects", "nodes", "@", "police", "intelligence"],
    ]);
  });

  it("gives the same output wherever a fragment's fields were written", () => {
    const inline = filter(`{ subject(id: "s1") { ... on Subject { id dateOfBirth } } }`, noScopes);
    const named = filter(
      `query { subject(id: "s1") { ...S } } fragment S on Subject { id dateOfBirth }`,
      noScopes,
    );
    expect(printed(named)).toBe(printed(inline));
    expect(named.unauthorizedPaths).toEqual(inline.unauthorizedPaths);
  });

  it("requires every implementation's field requirement for an interface field", () => {
    const strategist = holder(["strategy:read"]);
    const result = filter(`{ documents { id title classification } }`, strategist);
    expect(printed(result)).toBe(gql(`{ documents { id title } }`));
    expect(result.unauthorizedPaths).toEqual([["documents", "@", "classification"]]);
  });

  it("keeps a field in a fragment on the implementation that allows it, and adds a hidden __typename", () => {
    const strategist = holder(["strategy:read"]);
    const result = filter(
      `{ documents {
          id
          ... on CaseNote { classification }
          ... on StrategyMinutes { classification attendees }
      } }`,
      strategist,
    );
    expect(printed(result)).toBe(
      gql(`{ documents {
        id
        ... on CaseNote { classification }
        ... on StrategyMinutes { attendees }
        ${HIDDEN_TYPENAME_KEY}: __typename
      } }`),
    );
    expect(result.unauthorizedPaths).toEqual([["documents", "@", "classification"]]);
  });

  it("adds no hidden __typename when nothing conditional was removed", () => {
    const result = filter(
      `{ documents { id ... on CaseNote { classification } ... on StrategyMinutes { attendees } } }`,
      holder(["strategy:read"]),
    );
    expect(result.unauthorizedPaths).toEqual([]);
    expect(printed(result)).not.toContain(HIDDEN_TYPENAME_KEY);
  });

  it("picks another hidden key when the caller already uses the reserved one", () => {
    const result = filter(
      `{ documents { ${HIDDEN_TYPENAME_KEY}: id ... on StrategyMinutes { classification } } }`,
      holder(["strategy:read"]),
    );
    expect(printed(result)).toBe(
      gql(`{ documents { ${HIDDEN_TYPENAME_KEY}: id ${HIDDEN_TYPENAME_KEY}1: __typename } }`),
    );
  });

  it("requires every implementation's type requirement for a field returning an interface", () => {
    const result = filter(
      `{ ping documents { id } latestDocument { ... on CaseNote { title } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ ping }`));
    expect(result.unauthorizedPaths).toEqual([["documents"], ["latestDocument"]]);
  });

  it("requires every member's requirement for a field returning a union", () => {
    const source = `query Search($term: String!) {
      ping
      search(term: $term) { ... on Subject { id } ... on Referral { id } }
    }`;
    const denied = filter(source, noScopes, { variables: { term: "a" } });
    // The variable only the removed field used is dropped with it.
    expect(printed(denied)).toBe(gql(`query Search { ping }`));
    expect(denied.unauthorizedPaths).toEqual([["search"]]);

    const allowed = filter(source, holder(["concern:read"]), { variables: { term: "a" } });
    expect(printed(allowed)).toBe(gql(source));
  });

  it("removes a field whose union includes the protected type a fragment names", () => {
    // Stricter than the Router, which keeps the field and drops only the fragment: the requirement
    // model makes a field returning an abstract type need every possible type's requirement.
    const result = filter(
      `{ ping search(term: "a") { ... on Subject { id } ... on SafeguardingConcern { summary } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ ping }`));
    expect(result.unauthorizedPaths).toEqual([["search"]]);
  });

  it("removes a fragment on a protected type, reporting the enclosing field", () => {
    const source = `
      query { agencies { name ...R } subject(id: "s1") { id } }
      fragment R on Restricted { restrictedNote }`;
    const denied = filter(source, noScopes);
    expect(printed(denied)).toBe(gql(`{ agencies { name } subject(id: "s1") { id } }`));
    expect(denied.unauthorizedPaths).toEqual([["agencies"]]);

    const allowed = filter(source, holder([], ["restricted_access"]));
    expect(printed(allowed)).toBe(
      gql(`{ agencies { name ... on Restricted { restrictedNote } } subject(id: "s1") { id } }`),
    );
  });

  it("removes a field left with nothing but a removed fragment, whatever the fragment held", () => {
    const result = filter(`{ ping agencies { ... on Restricted { __typename } } }`, noScopes);
    expect(printed(result)).toBe(gql(`{ ping }`));
    expect(result.unauthorizedPaths).toEqual([["agencies"]]);
  });

  it("applies a type-level requirement everywhere the type is returned", () => {
    const result = filter(
      `{ subject(id: "s1") { id health { gpName } } referral(id: "r1") { id health { gpName } } }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ subject(id: "s1") { id } referral(id: "r1") { id } }`));
    expect(result.unauthorizedPaths).toEqual([
      ["subject", "health"],
      ["referral", "health"],
    ]);
    expect(
      filter(`{ referral(id: "r1") { health { gpName } } }`, holder(["health:read"]))
        .unauthorizedPaths,
    ).toEqual([]);
  });
});

describe("filterOperation: @include and @skip", () => {
  const source = `query Subject($id: ID!, $withDob: Boolean!) {
    subject(id: $id) { id dateOfBirth @include(if: $withDob) }
  }`;

  it("neither authorizes nor reports a selection that will not be executed", () => {
    const result = filter(source, noScopes, { variables: { id: "s1", withDob: false } });
    expect(printed(result)).toBe(gql(`query Subject($id: ID!) { subject(id: $id) { id } }`));
    expect(result.unauthorizedPaths).toEqual([]);
    expect(result.changed).toBe(false);
  });

  it("reports an included protected field", () => {
    const result = filter(source, noScopes, { variables: { id: "s1", withDob: true } });
    expect(printed(result)).toBe(gql(`query Subject($id: ID!) { subject(id: $id) { id } }`));
    expect(result.unauthorizedPaths).toEqual([["subject", "dateOfBirth"]]);
  });

  it("keeps an included field the holder may see, without the directive", () => {
    const result = filter(source, everything, { variables: { id: "s1", withDob: true } });
    expect(printed(result)).toBe(
      gql(`query Subject($id: ID!) { subject(id: $id) { id dateOfBirth } }`),
    );
  });

  it("evaluates literals, defaults, and directives on fragments", () => {
    const result = filter(
      `query ($noDob: Boolean = true, $intel: Boolean = false) {
        subject(id: "s1") {
          id
          ...Dob @skip(if: $noDob)
          ... @include(if: $intel) { police { intelligence } }
          police @skip(if: false) { reference intelligence @include(if: true) }
        }
      }
      fragment Dob on Subject { dateOfBirth }`,
      noScopes,
    );
    expect(printed(result)).toBe(gql(`{ subject(id: "s1") { id police { reference } } }`));
    expect(result.unauthorizedPaths).toEqual([["subject", "police", "intelligence"]]);
  });

  it("keeps a selection set emptied only by @skip valid with the hidden __typename", () => {
    const result = filter(
      `query ($on: Boolean!) { ping subject(id: "s1") { id @include(if: $on) } }`,
      noScopes,
      { variables: { on: false } },
    );
    expect(printed(result)).toBe(
      gql(`{ ping subject(id: "s1") { ${HIDDEN_TYPENAME_KEY}: __typename } }`),
    );
    expect(result.unauthorizedPaths).toEqual([]);
  });
});

describe("filterOperation: requirements", () => {
  const notes = `{ subject(id: "s1") { id notes } }`;

  it.each([
    { scopes: [], kept: false },
    { scopes: ["notes:read"], kept: false },
    { scopes: ["notes:sensitive"], kept: false },
    { scopes: ["notes:read", "notes:sensitive"], kept: true },
    { scopes: ["notes:admin"], kept: true },
    { scopes: ["notes:admin", "notes:read"], kept: true },
  ])("treats scopes as an OR of ANDs: $scopes → kept: $kept", ({ scopes, kept }) => {
    const result = filter(notes, holder(scopes));
    expect(result.unauthorizedPaths).toEqual(kept ? [] : [["subject", "notes"]]);
  });

  it("checks policies the same way", () => {
    const source = `{ subject(id: "s1") { id riskRating } }`;
    expect(filter(source, holder([], ["risk_assessor"])).unauthorizedPaths).toEqual([]);
    expect(filter(source, holder(["notes:admin"], ["other"])).unauthorizedPaths).toEqual([
      ["subject", "riskRating"],
    ]);
  });

  it("gives an anonymous caller only what needs nothing", () => {
    const result = filter(
      `{ ping me { id } subject(id: "s1") { id name notes } referral(id: "r1") { summary } }`,
      anonymous,
    );
    expect(printed(result)).toBe(
      gql(`{ ping subject(id: "s1") { id name } referral(id: "r1") { summary } }`),
    );
    expect(result.unauthorizedPaths).toEqual([["me"], ["subject", "notes"]]);
  });

  it("does not let grants stand in for authentication", () => {
    const unverified: Holder = { ...everything, authenticated: false };
    expect(filter(notes, unverified).unauthorizedPaths).toEqual([["subject", "notes"]]);
  });

  it("returns no document for an anonymous caller asking only for protected data", () => {
    const result = filter(`{ me { id name } }`, anonymous);
    expect(result.document).toBeNull();
    expect(result.unauthorizedPaths).toEqual([["me"]]);
    expect(result.changed).toBe(true);
  });
});

describe("filterOperation: operations and variables", () => {
  it("filters mutations like queries, dropping variables left unused", () => {
    const result = filter(
      `mutation Act($subjectId: ID!, $text: String!, $referralId: ID!) {
        acknowledgeReferral(id: $referralId)
        addNote(subjectId: $subjectId, text: $text) { id }
      }`,
      noScopes,
      { variables: { subjectId: "s1", text: "hi", referralId: "r1" } },
    );
    expect(printed(result)).toBe(
      gql(`mutation Act($referralId: ID!) { acknowledgeReferral(id: $referralId) }`),
    );
    expect(result.unauthorizedPaths).toEqual([["addNote"]]);
  });

  it("keeps a variable still used by a kept field", () => {
    const result = filter(
      `query ($id: ID!, $term: String!) {
        subject(id: $id) { id }
        referral(id: $id) { health { gpName } }
        search(term: $term) { ... on Subject { id } }
      }`,
      noScopes,
      { variables: { id: "s1", term: "a" } },
    );
    expect(printed(result)).toBe(gql(`query ($id: ID!) { subject(id: $id) { id } }`));
    expect(result.unauthorizedPaths).toEqual([["referral", "health"], ["search"]]);
  });

  it("removes the whole operation when its root type is protected", () => {
    const sdl = parse(`
      directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
      type Query { ping: String }
      type Mutation @authenticated { act: Boolean }
    `);
    const options = { schema: buildASTSchema(sdl), index: RequirementIndex.fromSdl(sdl) };
    const denied = filter(`mutation { act }`, anonymous, options);
    expect(denied.document).toBeNull();
    expect(denied.unauthorizedPaths).toEqual([[]]);
    expect(printed(filter(`mutation { act }`, noScopes, options))).toBe(gql(`mutation { act }`));
  });

  it("selects the operation by name", () => {
    const source = `query A { ping } query B { me { id } }`;
    const a = filter(source, anonymous, { operationName: "A" });
    expect(printed(a)).toBe(gql(`query A { ping }`));
    const b = filter(source, anonymous, { operationName: "B" });
    expect(b.document).toBeNull();
    const document = parse(source);
    const run = (operationName?: string) => () =>
      filterOperation({ schema, index, holder: anonymous, document, operationName });
    expect(errorOf(run()).extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
    expect(errorOf(run("C")).message).toBe('Unknown operation named "C".');
  });

  it("rejects variables that do not coerce", () => {
    const document = parse(`query ($id: ID!) { subject(id: $id) { id } }`);
    const error = errorOf(() =>
      filterOperation({ schema, index, holder: anonymous, document, variables: {} }),
    );
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses an operation that inlines to more selections than the budget", () => {
    const depth = 20;
    const fragments = Array.from({ length: depth }, (_, n) =>
      n === depth - 1
        ? `fragment F${n} on Query { ping }`
        : `fragment F${n} on Query { ...F${n + 1} ...F${n + 1} }`,
    );
    const document = parse(`query { ...F0 } ${fragments.join("\n")}`);
    const error = errorOf(() => filterOperation({ schema, index, holder: everything, document }));
    expect(error.extensions.code).toBe("OPERATION_TOO_LARGE");

    const small = parse(`{ ping subject(id: "s1") { id } }`);
    const run = (maxSelections: number) => () =>
      filterOperation({ schema, index, holder: everything, document: small, maxSelections });
    expect(errorOf(run(2)).extensions.code).toBe("OPERATION_TOO_LARGE");
    expect(run(3)().unauthorizedPaths).toEqual([]);
  });

  it("is deterministic: same operation, grants and relevant variables give the same document", () => {
    const source = `query ($id: ID!, $dob: Boolean!) {
      subject(id: $id) { ...S dateOfBirth @include(if: $dob) }
      documents { id ... on StrategyMinutes { classification } }
    }
    fragment S on Subject { id police { reference intelligence } }`;
    const first = filter(source, holder(["strategy:read", "police:intel"]), {
      variables: { id: "s1", dob: true },
    });
    const second = filter(source, holder(["police:intel", "strategy:read"]), {
      variables: { id: "s2", dob: true },
    });
    expect(printed(second)).toBe(printed(first));
    expect(second.unauthorizedPaths).toEqual(first.unauthorizedPaths);
    expect(second.document).toEqual(first.document);
  });
});

describe("completeResponse", () => {
  it("returns data untouched when nothing was removed", () => {
    const result = filter(`{ subject(id: "s1") { id name } }`, everything);
    const data = { subject: { id: "s1", name: "Alex" } };
    expect(completeResponse(result.completion, data)).toBe(data);
  });

  it("returns null without a plan or without data", () => {
    const result = filter(`{ subject(id: "s1") { id dateOfBirth } }`, noScopes);
    expect(completeResponse(result.completion, null)).toBeNull();
    expect(completeResponse(result.completion, undefined)).toBeNull();
    expect(completeResponse({ root: null }, { ping: "pong" })).toBeNull();
  });

  it("puts removed fields back as null in requested order", () => {
    const result = filter(
      `{ subject(id: "s1") { dateOfBirth id police { intelligence reference } } }`,
      noScopes,
    );
    const data = completeResponse(result.completion, {
      subject: { id: "s1", police: { reference: "P-1" } },
    });
    expect(JSON.stringify(data)).toBe(
      JSON.stringify({
        subject: { dateOfBirth: null, id: "s1", police: { intelligence: null, reference: "P-1" } },
      }),
    );
  });

  it("leaves null objects null", () => {
    const result = filter(
      `{ subject(id: "s2") { id police { reference intelligence } } }`,
      noScopes,
    );
    expect(completeResponse(result.completion, { subject: { id: "s2", police: null } })).toEqual({
      subject: { id: "s2", police: null },
    });
  });

  it("strips the hidden __typename", () => {
    const result = filter(
      `{ latestDocument { id ... on StrategyMinutes { classification } } }`,
      holder(["strategy:read"]),
    );
    const data = completeResponse(result.completion, {
      latestDocument: { id: "d2", [HIDDEN_TYPENAME_KEY]: "StrategyMinutes" },
    });
    expect(data).toEqual({ latestDocument: { id: "d2", classification: null } });
  });
});

describe("end to end: filter, execute, complete", () => {
  it("answers like the Router: nulls where fields were removed, one error per path", async () => {
    const response = await respond(
      `{ child: subject(id: "s1") { id name: dateOfBirth police { reference intelligence } } }`,
      noScopes,
    );
    expect(response).toEqual({
      data: { child: { id: "s1", name: null, police: { reference: "P-1", intelligence: null } } },
      errors: unauthorized(["child", "name"], ["child", "police", "intelligence"]),
    });
    expect(Object.keys(response.data?.child ?? {})).toEqual(["id", "name", "police"]);
  });

  it("propagates a removed non-null field to the nearest nullable parent", async () => {
    expect(await respond(`{ ping subject(id: "s1") { id riskRating } }`, noScopes)).toEqual({
      data: { ping: "pong", subject: null },
      errors: unauthorized(["subject", "riskRating"]),
    });
    expect(
      await respond(`{ subject(id: "s1") { id police { reference warningMarkers } } }`, noScopes),
    ).toEqual({
      data: { subject: { id: "s1", police: null } },
      errors: unauthorized(["subject", "police", "warningMarkers"]),
    });
  });

  it("propagates through lists: non-null items null the list, nullable items absorb it", async () => {
    expect(
      await respond(
        `{ ping watchlist { id riskRating } recentSubjects { id riskRating } }`,
        noScopes,
      ),
    ).toEqual({
      data: { ping: "pong", watchlist: null, recentSubjects: [null, null] },
      errors: unauthorized(["watchlist", "@", "riskRating"], ["recentSubjects", "@", "riskRating"]),
    });
  });

  it("propagates up to the root: data is null", async () => {
    expect(
      await respond(`{ ping subjects { totalCount nodes { id riskRating } } }`, noScopes),
    ).toEqual({
      data: null,
      errors: unauthorized(["subjects", "nodes", "@", "riskRating"]),
    });
  });

  it("returns data null and an error when nothing requested is authorized", async () => {
    expect(await respond(`{ me { id name } }`, anonymous)).toEqual({
      data: null,
      errors: unauthorized(["me"]),
    });
  });

  it("completes fragments on abstract types by each object's concrete type", async () => {
    const response = await respond(
      `{ documents {
          id
          ... on CaseNote { classification }
          ... on StrategyMinutes { classification attendees }
      } }`,
      holder(["strategy:read"]),
    );
    expect(response).toEqual({
      data: {
        documents: [
          { id: "d1", classification: "OFFICIAL" },
          { id: "d2", classification: null, attendees: ["Police", "Health"] },
        ],
      },
      errors: unauthorized(["documents", "@", "classification"]),
    });
  });

  it("completes union members, with removals nested inside type conditions", async () => {
    const response = await respond(
      `{ search(term: "a") {
          __typename
          ... on Subject { id dateOfBirth police { reference intelligence } }
          ... on Referral { id health { gpName } }
          ... on SafeguardingConcern { summary }
      } }`,
      holder(["concern:read"]),
    );
    expect(response).toEqual({
      data: {
        search: [
          {
            __typename: "Subject",
            id: "s1",
            dateOfBirth: null,
            police: { reference: "P-1", intelligence: null },
          },
          { __typename: "Referral", id: "r1", health: null },
          { __typename: "SafeguardingConcern", summary: "Neglect" },
        ],
      },
      errors: unauthorized(
        ["search", "@", "dateOfBirth"],
        ["search", "@", "police", "intelligence"],
        ["search", "@", "health"],
      ),
    });
  });

  it("nulls a removed fragment's fields, but not its __typename", async () => {
    expect(
      await respond(
        `{ agencies { name ... on Restricted { __typename restrictedNote } } }`,
        noScopes,
      ),
    ).toEqual({
      data: { agencies: [{ name: "Children's Services", restrictedNote: null }] },
      errors: unauthorized(["agencies"]),
    });
  });

  it("keeps a field selected twice, with the emptied selection's fields null", async () => {
    expect(
      await respond(
        `{ subject(id: "s1") { ... on Subject { police { intelligence } } police { reference } } }`,
        noScopes,
      ),
    ).toEqual({
      data: { subject: { police: { intelligence: null, reference: "P-1" } } },
      errors: unauthorized(["subject", "police", "intelligence"]),
    });
  });

  it("never runs a removed mutation field", async () => {
    const addNote = vi.fn(rootValue.addNote);
    const response = await respond(
      `mutation ($id: ID!) { acknowledgeReferral(id: $id) addNote(subjectId: $id, text: "x") { id } }`,
      noScopes,
      { id: "s1" },
      { ...rootValue, addNote },
    );
    expect(response).toEqual({
      data: { acknowledgeReferral: true, addNote: null },
      errors: unauthorized(["addNote"]),
    });
    expect(addNote).not.toHaveBeenCalled();
  });

  it("answers a selection set emptied by @skip with an empty object, as graphql-js does", async () => {
    const source = `query ($on: Boolean!) { ping subject(id: "s1") { id @include(if: $on) } }`;
    const expected = await executeDocument(parse(source), { on: false });
    expect(await respond(source, noScopes, { on: false })).toEqual({ data: expected.data });
    expect(expected.data).toEqual({ ping: "pong", subject: {} });

    const rootOnly = `query ($on: Boolean!) { ping @include(if: $on) }`;
    expect(await respond(rootOnly, noScopes, { on: false })).toEqual({ data: {} });
  });

  it.each([
    `{ child: subject(id: "s1") { id name: dateOfBirth notes riskRating police { reference intelligence warningMarkers } health { gpName } } }`,
    `{ subjects(first: 2) { totalCount nodes { id police { intelligence } } } watchlist { riskRating } }`,
    `{ documents { id ... on CaseNote { classification } ... on StrategyMinutes { classification attendees } } }`,
    `{ search(term: "a") { ... on Subject { dateOfBirth } ... on Referral { health { gpName } } ... on SafeguardingConcern { summary } } }`,
    `{ agencies { name ... on Restricted { restrictedNote } } me { name caseload { id } } }`,
  ])("gives a holder with every grant exactly what graphql-js gives: %s", async (source) => {
    const expected = await executeDocument(parse(source));
    expect(await respond(source, everything)).toEqual({ data: expected.data });
  });

  it("gives every holder the keys graphql-js gives for the original, nulls aside", async () => {
    const source = `{
      ping
      child: subject(id: "s1") { id name: dateOfBirth police { reference intelligence } health { gpName } }
      documents { id ... on CaseNote { author } ... on StrategyMinutes { classification } }
      search(term: "a") { ... on Subject { notes } ... on Referral { summary } }
    }`;
    const full = await executeDocument(parse(source));
    const holders = [
      anonymous,
      noScopes,
      holder(["strategy:read"]),
      holder(["concern:read", "strategy:read"]),
      holder(ALL_SCOPES),
      everything,
    ];
    for (const who of holders) {
      const response = await respond(source, who);
      expectSameShape(response.data, full.data);
    }
  });
});

/**
 * The requested shape: the same keys in the same order wherever both responses have an object, and
 * the same lengths wherever both have a list. A null stands for anything (a removed field).
 */
function expectSameShape(actual: unknown, full: unknown): void {
  if (actual === null || full === null) return;
  if (Array.isArray(actual) && Array.isArray(full)) {
    expect(actual).toHaveLength(full.length);
    actual.forEach((item, position) => {
      expectSameShape(item, full[position]);
    });
    return;
  }
  if (typeof actual === "object" && typeof full === "object" && full !== undefined) {
    const actualObject = actual as Record<string, unknown>;
    const fullObject = full as Record<string, unknown>;
    expect(Object.keys(actualObject)).toEqual(Object.keys(fullObject));
    for (const key of Object.keys(fullObject)) expectSameShape(actualObject[key], fullObject[key]);
    return;
  }
  expect(typeof actual).toBe(typeof full);
}
