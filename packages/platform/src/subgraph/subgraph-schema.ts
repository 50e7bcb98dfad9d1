import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { mapSchema } from "@graphql-tools/utils";
import { parseSubgraphSdl, readSubgraphSdl } from "@mash/schema/subgraph-sdl";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { enumValueResolvers } from "../graphql/enum-values.js";
import { scalarResolvers } from "../graphql/scalars.js";
import type { SubgraphResolvers } from "./define-subgraph.js";
import { checkEntityRepresentations } from "./entity-representations.js";

/** The subgraph's SDL, from the files beside its code: `schema.graphql` and its shared types. */
export function readSubgraphTypeDefs(packageRoot: URL, subgraph: string): DocumentNode {
  return parseSubgraphSdl(readSubgraphSdl(packageRoot, subgraph));
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
  const built = buildSubgraphSchema([
    { typeDefs, resolvers: merged as GraphQLResolverMap<TContext> },
  ]);
  // Apollo parses SDL default values before the enum resolvers give values their stored form, so
  // `status: ReviewStatus = PENDING` would reach the resolver as "PENDING", not "pending", and the
  // schema could not even be printed. Rebuilding it with graphql-tools re-reads every default
  // through the enum's final values.
  return checkEntityRepresentations(mapSchema(built, {}));
}
