import type { Refusal } from "@mash/access-log/refusals";
import type { RequestedOperation } from "@mash/access-log/requested-operation";
import type { Principal } from "@mash/schema/authorization/principal";
import type { FastifyRequest } from "fastify";
import { GraphQLError } from "graphql";
import { AuthenticationError } from "../auth/authenticate.js";

/** The GraphQL request a body or query string carried, as far as it goes. */
function graphqlParams(request: FastifyRequest): { query: unknown; operationName: unknown } {
  const params = (request.method === "GET" ? request.query : request.body) as
    | Record<string, unknown>
    | null
    | undefined;
  return { query: params?.query, operationName: params?.operationName };
}

/**
 * The refusal to put on record for a request the gateway refused while deciding who is asking and
 * why (sign-in, purpose): who (when known), what they asked for, and the reason it gives them.
 * Null for anything that is not a refusal written for the caller.
 */
export function refusalOf(options: {
  request: FastifyRequest;
  error: unknown;
  principal: Principal | null;
  clientRequestId: string | null;
  declaredPurpose: string | undefined;
  read: (query: unknown, operationName: unknown) => RequestedOperation;
}): Refusal | null {
  const { error, request, principal } = options;
  if (!(error instanceof GraphQLError)) return null;
  const reason = error.extensions.reason ?? error.extensions.code;
  if (typeof reason !== "string") return null;
  const verifiedSubject = error instanceof AuthenticationError ? error.verifiedSubject : null;
  const params = graphqlParams(request);
  return {
    requestId: request.id,
    clientRequestId: options.clientRequestId,
    principal,
    principalId: principal?.id ?? verifiedSubject,
    declaredPurpose: options.declaredPurpose ?? null,
    requested: options.read(params.query, params.operationName),
    reason,
    callerKey: principal?.id ?? verifiedSubject ?? `address:${request.ip}`,
  };
}
