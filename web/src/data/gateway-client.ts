import { randomUUID } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type GraphQLFormattedError, print } from "graphql";
import type { Logger } from "pino";
import { isDenial, markNotShared } from "./not-shared.js";

/**
 * The front end's only way to data: GraphQL over HTTP to the gateway, as the signed-in
 * practitioner (their own token, never a service account) and, for anything about people, with the
 * enquiry they are working on as the declared purpose (`x-mash-purpose`). Tokens stay here on the
 * server; the browser never sees one.
 */

export interface Caller {
  token: string;
  /** The enquiry the practitioner is working on, when the request reads people's records. */
  purpose?: string | undefined;
  requestId?: string | undefined;
}

/** An answer: the data (withheld fields marked NOT_SHARED), and the errors that are not denials. */
export interface Answer<T> {
  data: T | null;
  errors: GraphQLFormattedError[];
  /** How many fields the gateway withheld from this caller. */
  withheld: number;
}

/** The gateway refused the practitioner's token: they must sign in again. */
export class SignInAgain extends Error {}

/** The gateway could not be reached or failed: nothing to show. */
export class GatewayUnavailable extends Error {}

export interface GatewayClient {
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    caller: Caller,
  ): Promise<Answer<TData>>;
}

const printed = new WeakMap<object, string>();

function textOf(document: object & Parameters<typeof print>[0]): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

export function createGatewayClient(options: {
  url: string;
  timeoutMs: number;
  logger: Logger;
}): GatewayClient {
  return {
    async request(document, variables, caller) {
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "application/json",
        authorization: `Bearer ${caller.token}`,
        "x-request-id": caller.requestId ?? randomUUID(),
      };
      if (caller.purpose) headers["x-mash-purpose"] = caller.purpose;
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: "POST",
          headers,
          body: JSON.stringify({ query: textOf(document), variables }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        options.logger.warn({ error: (error as Error).name }, "gateway unreachable");
        throw new GatewayUnavailable("The MASH graph did not answer.");
      }
      if (response.status === 401) throw new SignInAgain("Your sign-in has expired.");
      const body = (await response.json().catch(() => null)) as {
        data?: unknown;
        errors?: GraphQLFormattedError[];
      } | null;
      if (!body || (response.status >= 500 && !body.data)) {
        throw new GatewayUnavailable(`The MASH graph answered ${response.status}.`);
      }
      const errors = body.errors ?? [];
      const data = (body.data ?? null) as Awaited<ReturnType<GatewayClient["request"]>>["data"];
      return {
        data: data === null ? null : markNotShared(data, errors),
        errors: errors.filter((error) => !isDenial(error)),
        withheld: errors.filter(isDenial).length,
      } as never;
    },
  };
}
