import { readFileSync } from "node:fs";
import {
  type GraphQLNamedType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { apiSchemaOf } from "../src/api-schema.js";
import { SUPERGRAPH_PATH } from "../src/subgraphs.js";

const api = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, "utf8"));

/** The API's own types: not GraphQL's built-in scalars or introspection types. */
function ownTypes(): GraphQLNamedType[] {
  return Object.values(api.getTypeMap()).filter(
    (type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type),
  );
}

/**
 * The docs pane of the playground, and every client's tooling, shows these; the gateway adds who
 * may see each field. Enum values are left to their names (NEGLECT, FOSTER) where those say it all.
 */
describe("the API schema documents itself", () => {
  it("has a description on every type", () => {
    const missing = ownTypes().filter((type) => !type.description?.trim());
    expect(missing.map((type) => type.name)).toEqual([]);
  });

  it("has a description on every field, input field and argument", () => {
    const missing: string[] = [];
    for (const type of ownTypes()) {
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const argument of "args" in field ? field.args : []) {
          if (!argument.description?.trim()) {
            missing.push(`${type.name}.${field.name}(${argument.name}:)`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
