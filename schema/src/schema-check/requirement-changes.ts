import type { GraphQLSchema } from "graphql";
import { parse } from "graphql";
import { describeRequirement } from "../authorization/describe-requirement.js";
import { RequirementIndex } from "../authorization/requirement-index.js";

export interface RequirementChange {
  coordinate: string;
  before: string;
  after: string;
}

function inSchema(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName = "", fieldName] = coordinate.split(".");
  const type = schema.getType(typeName);
  if (!type) return false;
  if (!fieldName) return true;
  return "getFields" in type && Object.hasOwn(type.getFields(), fieldName);
}

/**
 * Who-may-see-it changes between two supergraphs, for types and fields in both API schemas.
 * graphql-inspector cannot see them (the API schema drops the authorization directives), yet
 * each one changes what some callers get: tighter, and their data turns into nulls and errors;
 * looser, and more people see someone's records.
 */
export function requirementChanges(
  before: { sdl: string; api: GraphQLSchema },
  after: { sdl: string; api: GraphQLSchema },
): RequirementChange[] {
  const old = RequirementIndex.fromSdl(parse(before.sdl));
  const current = RequirementIndex.fromSdl(parse(after.sdl));
  const describe = (index: RequirementIndex, coordinate: string) => {
    const [typeName = "", fieldName] = coordinate.split(".");
    const requirement = fieldName
      ? index.declaredFieldRequirement(typeName, fieldName)
      : index.typeRequirement(typeName);
    return describeRequirement(requirement) || "anyone";
  };
  const coordinates = new Set<string>();
  for (const index of [old, current]) {
    const { types, fields } = index.declared();
    for (const coordinate of [...types, ...fields]) coordinates.add(coordinate);
  }
  const changes: RequirementChange[] = [];
  for (const coordinate of [...coordinates].sort()) {
    if (!inSchema(before.api, coordinate) || !inSchema(after.api, coordinate)) continue;
    const was = describe(old, coordinate);
    const now = describe(current, coordinate);
    if (was !== now) changes.push({ coordinate, before: was, after: now });
  }
  return changes;
}
