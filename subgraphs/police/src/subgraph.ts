import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type PoliceContext } from "./context.js";
import * as tables from "./db/schema.js";
import { resolvers } from "./resolvers.js";

/** The police force: nominal records and what is held against them, linked to MASH subjects. */
export const policeSubgraph: SubgraphDefinition<typeof tables, PoliceContext> = {
  agency: "police",
  defaultPort: 4002,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
};
