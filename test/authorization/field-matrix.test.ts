import { readFileSync } from "node:fs";
import { documentRequirements } from "@mash/gateway/supergraph/document-requirements";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import { apiSchemaOf } from "@mash/schema/api-schema";
import { MASH_TEAM_ROLES, scopesForRoles } from "@mash/schema/authorization/catalogue";
import { PERSONAS } from "@mash/schema/authorization/personas";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { SUPERGRAPH_PATH } from "@mash/schema/subgraphs";
import {
  buildClientSchema,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isObjectType,
  lexicographicSortSchema,
  parse,
  printSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allFields,
  loadSupergraphAuthorization,
  pathKey,
  printOperation,
  selectEverything,
  valuesAt,
  verdicts,
} from "../support/field-matrix.js";
import { graphql } from "../support/graphql-client.js";
import { type EnquiryRef, PersonaSession } from "../support/personas.js";
import { sharedStack } from "../support/shared-stack.js";

/**
 * Every persona asks for every field reachable from `subject(id:)`, and the gateway must deny
 * exactly what the supergraph's directives say, nothing more and nothing less. The selection and
 * the expectations are both generated from schema/supergraph.graphql, so a new field or a changed
 * requirement is covered the moment it is composed, without anyone updating a list here.
 */

const supergraph = loadSupergraphAuthorization();
const ROOT = selectEverything(supergraph.schema, "subject", "id: $id");
const MATRIX_QUERY = printOperation("AuthorizationMatrix", "$id: ID!", ROOT);
const FIELD_COUNT = allFields(ROOT).length;

/** The object types a query can reach from one type, that type included. */
function reachableObjectTypes(schema: GraphQLSchema, from: string): GraphQLObjectType[] {
  const found = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLNamedType | undefined) => {
    if (!isObjectType(type) || found.has(type.name)) return;
    found.set(type.name, type);
    for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  visit(schema.getType(from) ?? undefined);
  return [...found.values()];
}

/** The auditor and the referrer work on no enquiry (see the social care seed). */
// The auditor, the referrer and the data administrators work outside the MASH team: no enquiries.
const OUTSIDE_THE_MASH = PERSONAS.filter(
  (persona) => !persona.roles.some((role) => MASH_TEAM_ROLES.includes(role)),
).map((persona) => persona.key);

interface MatrixRow {
  persona: string;
  purpose: boolean;
  breakGlass: boolean;
  denied: number;
  readable: number;
  withData: number;
}

describe("the persona × field matrix, generated from the supergraph", () => {
  // Authorization does not depend on the database engine: the shared system on PGlite.
  const stack = sharedStack();
  const sessions = new Map<string, PersonaSession>();
  /** The newest enquiry every MASH persona works on: its subject is the one everybody asks for. */
  let enquiry: EnquiryRef;
  const rows: MatrixRow[] = [];

  beforeAll(async () => {
    for (const persona of PERSONAS) {
      sessions.set(persona.key, await PersonaSession.signIn(stack.gatewayUrl, persona.key));
    }
    // The newest enquiry every MASH persona works on (suites sharing this system open their own,
    // which only some personas join).
    const mash = [...sessions].filter(([key]) => !OUTSIDE_THE_MASH.includes(key));
    const everybodys = sessions
      .get("social-worker")
      ?.enquiries.find((candidate) =>
        mash.every(([, session]) => session.enquiries.some((other) => other.id === candidate.id)),
      );
    if (!everybodys) throw new Error("no enquiry every MASH persona works on in the test world");
    enquiry = everybodys;
  });

  afterAll(async () => {
    if (rows.length > 0) {
      const lines = rows.map(
        (row) =>
          `  ${row.persona.padEnd(20)} purpose ${row.purpose ? "yes" : "no "}  break-glass ${row.breakGlass ? "yes" : "no "}  ` +
          `denied ${String(row.denied).padStart(3)}  readable leaves ${String(row.readable).padStart(3)}  with data ${String(row.withData).padStart(3)}`,
      );
      console.log(
        [`authorization matrix: ${FIELD_COUNT} fields selected under subject(id:)`, ...lines].join(
          "\n",
        ),
      );
    }
  });

  it("selects every field reachable from Query.subject, household and relatives included", () => {
    const paths = new Set(allFields(ROOT).map((field) => pathKey(field.path)));
    for (const path of [
      "subject.police.intelligence.@.sourceEvaluation",
      "subject.health.camhsInvolvements.@.clinicalNotes",
      "subject.socialCare.lookedAfterEpisodes.@.placementAddress.postcode",
      "subject.probation.cases.@.licenceConditions.@.protectedPerson.address.postcode",
      "subject.household.members.@.police.known",
      "subject.relationships.@.person.probation.known",
    ]) {
      expect(paths, path).toContain(path);
    }
    // And every field of every type reachable from Subject, somewhere in the selection.
    const selected = new Set(
      allFields(ROOT).map((field) => `${field.parent.name}.${field.field.name}`),
    );
    const missing = reachableObjectTypes(supergraph.schema, "Subject").flatMap((type) =>
      Object.keys(type.getFields())
        .map((name) => `${type.name}.${name}`)
        .filter((coordinate) => !selected.has(coordinate)),
    );
    expect(missing).toEqual([]);
    expect(FIELD_COUNT).toBeGreaterThan(200);
  });

  it("builds the same API schema the gateway serves (so the selection is what clients can ask)", async () => {
    const response = await graphql<IntrospectionQuery>(stack.gatewayUrl, getIntrospectionQuery());
    if (!response.data) throw new Error(`introspection failed: ${JSON.stringify(response.errors)}`);
    const served = buildClientSchema(response.data);
    // The gateway adds who may see each type and field to the descriptions it serves.
    const sdl = readFileSync(SUPERGRAPH_PATH, "utf8");
    const expected = apiSchemaOf(sdl);
    documentRequirements(expected, RequirementIndex.fromSdl(parse(sdl)));
    const print = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
    expect(print(served)).toBe(print(expected));
  });

  it("gives every MASH persona a shared enquiry, and those outside the MASH none", () => {
    for (const [key, session] of sessions) {
      if (OUTSIDE_THE_MASH.includes(key)) {
        expect(session.enquiries, key).toEqual([]);
      } else {
        expect(session.enquiries, key).toContainEqual(enquiry);
      }
    }
  });

  it.each(PERSONAS.map((persona) => persona.key))(
    "%s: denied exactly what the directives say, and sees the rest",
    async (key) => {
      const session = sessions.get(key);
      if (!session) throw new Error(`${key} did not sign in`);
      const purpose = session.enquiries.find((candidate) => candidate.id === enquiry.id) ?? null;
      session.declarePurpose(purpose);
      // Whoever may break glass does so first, so the restricted fields are in play too.
      const breaksGlass =
        purpose !== null && scopesForRoles(session.persona.roles).has("break-glass:declare");
      if (breaksGlass) await session.declareBreakGlass(enquiry.subjectId);

      const expected = verdicts(supergraph, ROOT, session.grants());
      const response = await session.query(MATRIX_QUERY, { id: enquiry.subjectId });
      expect(response.status).toBe(200);
      const errors = response.errors ?? [];

      // Only the gateway's own denials: an error from a subgraph (it carries a `reason`) would mean
      // the gateway let through a field the subgraph had to refuse, i.e. the two disagree.
      const other = errors.filter(
        (error) =>
          error.extensions?.code !== UNAUTHORIZED_FIELD_OR_TYPE ||
          error.extensions.reason !== undefined,
      );
      expect(other).toEqual([]);
      const reported = errors.map((error) => pathKey(error.path ?? []));
      expect(new Set(reported).size, "one error per denied path").toBe(reported.length);
      expect([...reported].sort()).toEqual(
        expected.denied.map((field) => pathKey(field.path)).sort(),
      );

      // Nothing denied comes back, wherever it would have been.
      for (const field of expected.denied) {
        for (const value of valuesAt(response.data, field.path)) {
          expect(value, pathKey(field.path)).toBeNull();
        }
      }

      // And what is allowed does come back: in the requested shape, with data.
      const readable = expected.readableLeaves.map((leaf) => ({
        leaf,
        values: valuesAt(response.data, leaf.path),
      }));
      for (const { leaf, values } of readable) {
        for (const value of values) expect(value, pathKey(leaf.path)).not.toBeUndefined();
      }
      const withData = readable.filter(({ values }) => values.some((value) => value !== null));
      if (readable.length > 0) expect(withData.length).toBeGreaterThan(0);
      const knownFlags = readable.filter(({ leaf }) => leaf.field.name === "known");
      for (const { leaf, values } of knownFlags) {
        for (const value of values) expect(typeof value, pathKey(leaf.path)).toBe("boolean");
      }
      if (scopesForRoles(session.persona.roles).has("police:known")) {
        expect(knownFlags.flatMap(({ values }) => values).length).toBeGreaterThan(0);
      }

      // A record-level rule no directive can express: intelligence with handling code C stays with
      // the police, so nobody else sees such an item at all (the list is filtered, not nulled).
      if (session.persona.agency !== "police") {
        for (const code of valuesAt(
          response.data,
          "subject.police.intelligence.@.handlingCode".split("."),
        )) {
          expect(code).toBe("P");
        }
      }

      rows.push({
        persona: key,
        purpose: purpose !== null,
        breakGlass: breaksGlass,
        denied: expected.denied.length,
        readable: readable.length,
        withData: withData.length,
      });
    },
  );
});
