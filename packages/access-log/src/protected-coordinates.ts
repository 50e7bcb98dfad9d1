import { policiesNamed } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { HIDDEN_PREFIX } from "./subject-ids.js";

export interface ProtectedRead {
  /** `Type.field` of every protected field the operation asks for (sorted, unique). */
  coordinates: string[];
  /** Whether any of them is a break-glass item. */
  restricted: boolean;
}

/**
 * The protected fields an (already filtered) operation asks for: those whose requirement names a
 * scope or a policy. Worked out once per prepared operation, from the document; the log records it
 * as what was asked for, and what the answer held (see answer-read) as what was returned.
 */
export function protectedRead(
  document: DocumentNode,
  schema: GraphQLSchema,
  index: RequirementIndex,
): ProtectedRead {
  const coordinates = new Set<string>();
  let restricted = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.alias?.value.startsWith(HIDDEN_PREFIX)) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        const requirement = index.fieldRequirement(schema, parent, field);
        if (requirement.scopes.length === 0 && requirement.policies.length === 0) return;
        coordinates.add(`${parent.name}.${field.name}`);
        if (policiesNamed(requirement).has("break-glass")) restricted = true;
      },
    }),
  );
  return { coordinates: [...coordinates].sort(), restricted };
}
