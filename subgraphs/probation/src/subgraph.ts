import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type ProbationContext } from "./context.js";
import * as tables from "./db/schema.js";
import { probationMatching } from "./matching.js";
import { resolvers } from "./resolvers.js";

/** Probation: offender records, supervision, MAPPA and risk of serious harm, licence conditions. */
export const probationSubgraph: SubgraphDefinition<typeof tables, ProbationContext> = {
  agency: "probation",
  defaultPort: 4004,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
  // Learns social care's new and changed subjects and links them (when SUBJECT_FEED_URL is set).
  background: ({ db, logger, env }) =>
    probationMatching.subjectFeedWorker({ agency: "probation", db, logger, env }),
};
