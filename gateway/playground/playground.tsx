import { GraphiQL } from "graphiql";
import { useMemo } from "react";
import { EXAMPLE_OPERATIONS } from "./example-operations.js";
import { createPlaygroundFetcher } from "./fetcher.js";
import { GRAPHQL_ENDPOINT } from "./gateway-api.js";
import { PersonaPicker } from "./persona-picker.js";
import { SessionStore } from "./session.js";

/** One tab per example operation, the case picture first. */
const DEFAULT_TABS = EXAMPLE_OPERATIONS.map((example) => ({
  query: example.query,
  variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
}));

export function Playground() {
  const session = useMemo(() => new SessionStore(), []);
  const fetcher = useMemo(() => createPlaygroundFetcher(GRAPHQL_ENDPOINT, session), [session]);
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={DEFAULT_TABS}
      defaultEditorToolsVisibility="variables"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>MASH Graph</GraphiQL.Logo>
      <PersonaPicker session={session} />
    </GraphiQL>
  );
}
