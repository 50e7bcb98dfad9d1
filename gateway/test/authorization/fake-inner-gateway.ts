import type { ApolloGateway } from "@apollo/gateway";
import type {
  GatewayExecutionResult,
  GatewayGraphQLRequestContext,
} from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";

/**
 * A stand-in for @apollo/gateway: announces `schema` once, and answers every operation with
 * `execute`, so the AuthorizingGateway in front of it can be tested without any subgraph.
 */
export function fakeInnerGateway(
  schema: GraphQLSchema,
  sdl: string,
  execute: (context: GatewayGraphQLRequestContext) => GatewayExecutionResult,
): ApolloGateway {
  const inner = {
    load: async () => ({
      executor: async (context: GatewayGraphQLRequestContext) => execute(context),
    }),
    onSchemaLoadOrUpdate: (
      callback: (s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
    ) => {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => {};
    },
    stop: async () => {},
  };
  return inner as unknown as ApolloGateway;
}
