import type { FastifyRequest } from "fastify";
import type { GraphQLRequestBinding } from "../auth/request-hash.js";

function parseVariables(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== "string") return raw as Record<string, unknown> | undefined;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The GraphQL request as received, for checking the gateway's signature binds to it: from the JSON
 * body of a POST, or the query string of a GET (variables arrive there as JSON text).
 */
export function graphQLRequestOf(request: FastifyRequest): GraphQLRequestBinding {
  const source = (request.method === "GET" ? request.query : request.body) as
    | Record<string, unknown>
    | undefined;
  return {
    query: typeof source?.query === "string" ? source.query : "",
    variables: parseVariables(source?.variables) ?? null,
    operationName: typeof source?.operationName === "string" ? source.operationName : null,
  };
}
