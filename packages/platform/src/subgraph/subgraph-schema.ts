import { readFileSync } from "node:fs";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { type DocumentNode, type GraphQLSchema, parse } from "graphql";
import { enumValueResolvers } from "../graphql/enum-values.js";
import { scalarResolvers } from "../graphql/scalars.js";
import type { SubgraphResolvers } from "./define-subgraph.js";
import { checkEntityRepresentations } from "./entity-representations.js";

/** The subgraph's SDL, read from `schema.graphql` beside its code. */
export function readSubgraphTypeDefs(packageRoot: URL): DocumentNode {
  return parse(readFileSync(new URL("schema.graphql", packageRoot), "utf8"));
}

/** SDL + the agency's resolvers + the shared scalar and enum behaviour. */
export function buildAgencySchema<TContext>(
  typeDefs: DocumentNode,
  resolvers: SubgraphResolvers<TContext>,
): GraphQLSchema {
  // Agency resolvers come last: an agency that maps an enum itself overrides the shared rule.
  const merged = {
    ...scalarResolvers,
    ...enumValueResolvers(typeDefs),
    ...resolvers,
  };
  // Cast: Apollo's map declares `__resolveReference` as a field resolver, (parent, args, context,
  // info), but Apollo calls it as (reference, context, info), the signature the agencies' generated
  // types give it. Otherwise the two shapes agree.
  return checkEntityRepresentations(
    buildSubgraphSchema([{ typeDefs, resolvers: merged as GraphQLResolverMap<TContext> }]),
  );
}
