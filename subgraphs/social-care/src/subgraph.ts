import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import { createContext, type SocialCareContext } from "./context.js";
import * as tables from "./db/schema.js";
import { resolvers } from "./resolvers.js";
import { checkWorkflowConfiguration } from "./workflow/check-configuration.js";

/** Children's and adult social care: owns the MASH subject and its social care history. */
export const socialCareSubgraph: SubgraphDefinition<typeof tables, SocialCareContext> = {
  agency: "social-care",
  defaultPort: 4001,
  packageRoot: new URL("..", import.meta.url),
  tables,
  resolvers,
  createContext,
  onStart: checkWorkflowConfiguration,
};
