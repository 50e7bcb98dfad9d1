import { createHash } from "node:crypto";
import { canonicalJson } from "../integrity/canonical-json.js";

/** The parts of a GraphQL request a gateway token is bound to. */
export interface GraphQLRequestBinding {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
  operationName?: string | null;
}

/**
 * Base64url SHA-256 of the RFC 8785 (JCS) canonical JSON of `{ query, variables, operationName }`.
 *
 * The gateway hashes the request it is about to send; the subgraph hashes the request it parsed
 * from the body. Those are two different serializations of the same value: the gateway's HTTP
 * client and the subgraph's body parser are free to reorder object keys, change whitespace or
 * escape characters differently, so hashing the raw body (or plain `JSON.stringify`) would refuse
 * legitimate requests. JCS gives one byte sequence per JSON value, so only a change in meaning (a
 * different document, different variable values, another operation) changes the hash.
 *
 * Absent variables and an empty object mean the same to GraphQL, as do an absent and a null
 * operation name, so both are normalized before hashing. `extensions` is deliberately not bound:
 * it carries transport hints (tracing, persisted-query hashes) that proxies may add or strip.
 */
export function hashGraphQLRequest(request: GraphQLRequestBinding): string {
  const canonical = canonicalJson({
    query: request.query,
    variables: request.variables ?? {},
    operationName: request.operationName ?? null,
  });
  return createHash("sha256").update(canonical, "utf8").digest("base64url");
}
