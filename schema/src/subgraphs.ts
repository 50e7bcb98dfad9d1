/**
 * The subgraphs the MASH graph composes. Each keeps its SDL in its own folder (`schema.graphql`,
 * plus the generated `shared-types.graphql` for an agency: see `subgraph-sdl.ts`); the URL is where
 * the gateway finds it by default (overridable per environment).
 */
export interface SubgraphSource {
  /** The federation subgraph name (and folder under subgraphs/). */
  name: string;
  /** The folder holding the subgraph's SDL files. */
  folder: URL;
  defaultUrl: string;
  /** An agency subgraph: its SDL takes the agency kit's shared types (`npm run sdl`). */
  agency: boolean;
}

function agency(name: string, port: number): SubgraphSource {
  return {
    name,
    folder: new URL(`../../subgraphs/${name}/`, import.meta.url),
    defaultUrl: `http://127.0.0.1:${port}/graphql`,
    agency: true,
  };
}

export const SUBGRAPHS: readonly SubgraphSource[] = [
  agency("social-care", 4001),
  agency("police", 4002),
  agency("health", 4003),
  agency("probation", 4004),
  // The access log lives in the gateway's database, so the gateway serves the subgraph reading it.
  {
    name: "audit",
    folder: new URL("../../gateway/src/audit/", import.meta.url),
    defaultUrl: "http://127.0.0.1:4000/audit/graphql",
    agency: false,
  },
];

export const SUPERGRAPH_PATH = new URL("../supergraph.graphql", import.meta.url);

export const AUTHORIZATION_DOC_PATH = new URL("../../docs/authorization.md", import.meta.url);
