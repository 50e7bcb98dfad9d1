/**
 * The subgraphs the MASH graph composes. Each agency keeps its SDL in `schema.graphql` beside its
 * code; the URL is where the gateway finds it by default (overridable per environment).
 */
export interface SubgraphSource {
  /** The federation subgraph name (and folder under subgraphs/). */
  name: string;
  sdlPath: URL;
  defaultUrl: string;
}

function subgraph(name: string, port: number): SubgraphSource {
  return {
    name,
    sdlPath: new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url),
    defaultUrl: `http://127.0.0.1:${port}/graphql`,
  };
}

export const SUBGRAPHS: readonly SubgraphSource[] = [
  subgraph("social-care", 4001),
  subgraph("police", 4002),
  subgraph("health", 4003),
  subgraph("probation", 4004),
  // The access log lives in the gateway's database, so the gateway serves the subgraph reading it.
  {
    name: "audit",
    sdlPath: new URL("../../gateway/src/audit/schema.graphql", import.meta.url),
    defaultUrl: "http://127.0.0.1:4000/audit/graphql",
  },
];

export const SUPERGRAPH_PATH = new URL("../supergraph.graphql", import.meta.url);

export const AUTHORIZATION_DOC_PATH = new URL("../../docs/authorization.md", import.meta.url);
