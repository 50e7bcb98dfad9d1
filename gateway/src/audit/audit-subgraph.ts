import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { GatewayDatabase } from "@mash/access-log/store";
import type { GatewayVerifier } from "@mash/platform/auth/gateway-token";
import { enforceRequirements } from "@mash/platform/authorization/enforce-requirements";
import { subgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import { maskUnexpectedErrors, requestLogPlugin } from "@mash/platform/graphql/apollo-plugins";
import { tracedGraphQLHandler } from "@mash/platform/http/graphql-service";
import type { Logger } from "@mash/platform/observability/logger";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import { graphQLRequestOf } from "@mash/platform/subgraph/graphql-request-of";
import { buildAgencySchema } from "@mash/platform/subgraph/subgraph-schema";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import type { FastifyInstance } from "fastify";
import { parse } from "graphql";
import { type AuditContext, auditResolvers } from "./resolvers.js";

/** Where the gateway serves its audit subgraph (and where the supergraph expects it). */
export const AUDIT_PATH = "/audit/graphql";
export const AUDIT_SUBGRAPH = "audit";

// Resolved from the package root, so it holds for src/ (tsx) and dist/ (compiled) alike.
const typeDefs = parse(
  readFileSync(new URL("../../src/audit/schema.graphql", import.meta.url), "utf8"),
);

/**
 * The access log lives in the gateway's own database, so the gateway serves the subgraph that
 * reads it: composed into the supergraph like any agency's, reached through the gateway with a
 * signed token like any agency's, enforcing its own SDL like any agency's.
 */
export async function mountAuditSubgraph(
  app: FastifyInstance,
  options: {
    db: GatewayDatabase;
    verify: AuditContext["verify"];
    logger: Logger;
    metrics: ServiceMetrics;
    verifier: GatewayVerifier;
  },
): Promise<ApolloServer<AuditContext>> {
  const schema = enforceRequirements(
    buildAgencySchema(typeDefs, auditResolvers),
    RequirementIndex.fromSdl(typeDefs),
  );
  const apollo = new ApolloServer<AuditContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    plugins: [
      requestLogPlugin<AuditContext>(options.logger, options.metrics),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  app.route({
    url: AUDIT_PATH,
    method: ["POST"],
    handler: tracedGraphQLHandler(
      fastifyApolloHandler(apollo, {
        context: async (request) => ({
          requestId: request.id,
          logger: options.logger,
          db: options.db,
          verify: options.verify,
          auth: subgraphAuthorization(
            await options.verifier.verify(request.headers.authorization, graphQLRequestOf(request)),
          ),
        }),
      }),
    ),
  });
  return apollo;
}
