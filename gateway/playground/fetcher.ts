import type { GraphiQLProps } from "graphiql";
import type { SessionStore } from "./session.js";

type Fetcher = GraphiQLProps["fetcher"];

/**
 * GraphiQL's fetcher: POSTs to the gateway with the session's token and purpose. Headers typed in
 * GraphiQL's own headers editor come last, so a developer can still override either by hand.
 */
export function createPlaygroundFetcher(endpoint: URL, session: SessionStore): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...session.headers(),
        ...options?.headers,
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}
