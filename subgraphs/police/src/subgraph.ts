import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type PoliceContext } from "./context.js";
import * as tables from "./db/schema.js";
import { policeMatching } from "./matching.js";
import { resolvers } from "./resolvers.js";

/** The police force: nominal records and what is held against them, linked to MASH subjects. */
export const policeSubgraph: SubgraphDefinition<typeof tables, PoliceContext> = {
  agency: "police",
  defaultPort: 4002,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
  // Learns social care's new and changed subjects and links them (when SUBJECT_FEED_URL is set).
  background: ({ db, logger, env }) =>
    policeMatching.subjectFeedWorker({ agency: "police", db, logger, env }),
};
