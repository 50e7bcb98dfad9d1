import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type HealthContext } from "./context.js";
import * as tables from "./db/schema.js";
import { healthMatching } from "./matching.js";
import { resolvers } from "./resolvers.js";

/** Health: GP registration, CP-IS flags, unscheduled care, community health, maternity, CAMHS. */
export const healthSubgraph: SubgraphDefinition<typeof tables, HealthContext> = {
  agency: "health",
  defaultPort: 4003,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
  // Learns social care's new and changed subjects and links them (when SUBJECT_FEED_URL is set).
  background: ({ db, logger, env }) =>
    healthMatching.subjectFeedWorker({ agency: "health", db, logger, env }),
};
