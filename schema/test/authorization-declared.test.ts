import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { POLICIES, ROLES, SCOPES } from "../src/authorization/catalogue.js";
import { RequirementIndex } from "../src/authorization/requirement-index.js";
import { SUPERGRAPH_PATH } from "../src/subgraphs.js";

const supergraph = parse(readFileSync(SUPERGRAPH_PATH, "utf8"));
const index = RequirementIndex.fromSdl(supergraph);

/** Federation's own machinery, not agency data. */
function isFederationInternal(typeName: string): boolean {
  return typeName.includes("__") || typeName.startsWith("_");
}

describe("every field that carries agency data declares who may see it", () => {
  it("has a requirement on the field or on its type (deny by default)", () => {
    const undeclared: string[] = [];
    for (const definition of supergraph.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      if (isFederationInternal(typeName)) continue;
      const typeProtected = index.isTypeProtected(typeName);
      for (const field of definition.fields ?? []) {
        const fieldRequirement = index.declaredFieldRequirement(typeName, field.name.value);
        const declared =
          fieldRequirement.authenticated ||
          fieldRequirement.scopes.length > 0 ||
          fieldRequirement.policies.length > 0;
        if (!declared && !typeProtected) undeclared.push(`${typeName}.${field.name.value}`);
      }
    }
    expect(undeclared, "fields with no @authenticated/@requiresScopes/@policy").toEqual([]);
  });

  it("names only scopes and policies the catalogue defines", () => {
    const { types, fields } = index.declared();
    const requirements = [
      ...types.map((name) => index.typeRequirement(name)),
      ...fields.map((coordinate) => {
        const [type = "", field = ""] = coordinate.split(".");
        return index.declaredFieldRequirement(type, field);
      }),
    ];
    const scopes = new Set(requirements.flatMap((r) => r.scopes.flat()));
    const policies = new Set(requirements.flatMap((r) => r.policies.flat()));
    expect([...scopes].filter((scope) => !Object.hasOwn(SCOPES, scope))).toEqual([]);
    expect([...policies].filter((policy) => !Object.hasOwn(POLICIES, policy))).toEqual([]);
    expect(scopes.size).toBeGreaterThan(10);
  });

  it("gives every scope in use to at least one role", () => {
    const granted = new Set(Object.values(ROLES).flatMap((role) => [...role.scopes]));
    const unused = Object.keys(SCOPES).filter((scope) => !granted.has(scope as never));
    expect(unused).toEqual([]);
  });

  it("keeps the standard directives in the supergraph, for the Apollo Router too", () => {
    const text = readFileSync(SUPERGRAPH_PATH, "utf8");
    expect(text).toContain(
      '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)',
    );
    expect(text).toContain('@link(url: "https://specs.apollo.dev/policy/v0.1", for: SECURITY)');
    expect(text).toContain(
      '@link(url: "https://specs.apollo.dev/authenticated/v0.1", for: SECURITY)',
    );
  });
});

describe("docs/authorization.md", () => {
  it("is generated from the catalogue and the supergraph (run `npm run docs:authorization`)", async () => {
    const { authorizationMarkdown } = await import("../src/authorization/catalogue-markdown.js");
    const { AUTHORIZATION_DOC_PATH } = await import("../src/subgraphs.js");
    expect(readFileSync(AUTHORIZATION_DOC_PATH, "utf8")).toBe(authorizationMarkdown(supergraph));
  });
});

describe("a denial never blanks what the caller may see", () => {
  it("makes every field that can be denied nullable (beyond signing in)", () => {
    const guarded = (requirement: { scopes: string[][]; policies: string[][] }) =>
      requirement.scopes.length > 0 || requirement.policies.length > 0;
    const namedType = (type: import("graphql").TypeNode): string =>
      type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
    const nonNullDeniable: string[] = [];
    for (const definition of supergraph.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      if (isFederationInternal(typeName)) continue;
      for (const field of definition.fields ?? []) {
        if (field.type.kind !== Kind.NON_NULL_TYPE) continue;
        const deniable =
          guarded(index.declaredFieldRequirement(typeName, field.name.value)) ||
          guarded(index.typeRequirement(namedType(field.type)));
        if (deniable) nonNullDeniable.push(`${typeName}.${field.name.value}`);
      }
    }
    expect(nonNullDeniable, "a non-null field that may be denied nulls its parent").toEqual([]);
  });
});

describe("entities", () => {
  it("carry requirements on their fields, never on the type (it would guard _entities as a whole)", () => {
    const entityTypes = supergraph.definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
      definition.directives?.some(
        (directive) =>
          directive.name.value === "join__type" &&
          directive.arguments?.some((argument) => argument.name.value === "key"),
      )
        ? [definition.name.value]
        : [],
    );
    expect(entityTypes).toEqual(expect.arrayContaining(["Subject", "Enquiry"]));
    const guarded = entityTypes.filter((name) => {
      const requirement = index.typeRequirement(name);
      return (
        requirement.authenticated ||
        requirement.scopes.length > 0 ||
        requirement.policies.length > 0
      );
    });
    expect(guarded).toEqual([]);
  });
});
