import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type HealthContext } from "./context.js";
import * as tables from "./db/schema.js";
import { resolvers } from "./resolvers.js";

/** Health: GP registration, CP-IS flags, unscheduled care, community health, maternity, CAMHS. */
export const healthSubgraph: SubgraphDefinition<typeof tables, HealthContext> = {
  agency: "health",
  defaultPort: 4003,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
};
