import { type GraphQLSchema, isUnionType } from "graphql";
import { badUserInput } from "../graphql/errors.js";

/**
 * Makes `_entities` refuse representations that name no entity of this subgraph (another type, no
 * type, or no object at all) with BAD_USER_INPUT, before federation's own resolver, which would fail
 * on them with an internal error. The gateway never sends such a thing; anyone else gets told.
 */
export function checkEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const entities = schema.getQueryType()?.getFields()._entities;
  const union = schema.getType("_Entity");
  if (!entities?.resolve || !isUnionType(union)) return schema;
  const entityTypes = new Set(union.getTypes().map((type) => type.name));
  const resolve = entities.resolve;
  entities.resolve = (source, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation: unknown, index) => {
      const typename =
        typeof representation === "object" && representation !== null
          ? (representation as { __typename?: unknown }).__typename
          : undefined;
      if (typeof typename !== "string" || !entityTypes.has(typename)) {
        throw badUserInput(
          `representations[${index}] is not a representation of an entity of this subgraph (${[...entityTypes].join(", ")}).`,
          { field: `representations[${index}]`, reason: "NOT_AN_ENTITY" },
        );
      }
    });
    return resolve(source, args, context, info);
  };
  return schema;
}
