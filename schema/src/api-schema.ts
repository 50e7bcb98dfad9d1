import { Supergraph } from "@apollo/federation-internals";
import type { GraphQLSchema } from "graphql";
import { withoutSecurityPurpose } from "./security-links.js";

/**
 * The API schema of a supergraph: what clients see and query (no join__ machinery, no
 * @inaccessible elements, no authorization directives), as the gateway serves it.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(withoutSecurityPurpose(supergraphSdl)).apiSchema().toGraphQLJSSchema();
}
