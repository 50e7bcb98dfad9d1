import { describeRequirement } from "@mash/schema/authorization/describe-requirement";
import { both } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { type GraphQLSchema, isInterfaceType, isIntrospectionType, isObjectType } from "graphql";

/** Schemas already documented: the gateway may announce the same schema more than once. */
const documented = new WeakSet<GraphQLSchema>();

function withNote(description: string | null | undefined, note: string): string {
  return description ? `${description}\n\n${note}` : note;
}

/**
 * Adds who may see each type and field to the API schema's descriptions, from the requirements
 * the supergraph declares, so GraphiQL's docs pane (and any introspecting client) shows them
 * beside the field. The API schema drops the authorization directives themselves, and a
 * requirement nobody can see is a requirement nobody designs for.
 *
 * The descriptions are changed in place on the schema the gateway serves: descriptions take no
 * part in validation, planning or execution, and introspection is answered from this very schema
 * object. A supergraph without requirements (authorization off, any graph) is left as it is.
 */
export function documentRequirements(schema: GraphQLSchema, index: RequirementIndex): void {
  if (documented.has(schema)) return;
  documented.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    const typeText = describeRequirement(index.typeRequirement(type.name));
    if (typeText) {
      type.description = withNote(
        type.description,
        `**Who may see it:** ${typeText}, wherever this type is returned.`,
      );
    }
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      // Reading a field needs its type's requirement (to reach it at all), the field's own and
      // its return type's.
      const requirement = both(
        index.typeRequirement(type.name),
        index.fieldRequirement(schema, type, field),
      );
      const text = describeRequirement(requirement);
      if (text) field.description = withNote(field.description, `**Who may see it:** ${text}.`);
    }
  }
}
