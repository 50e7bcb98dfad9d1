import { runServiceProcess } from "@mash/platform/http/run-process";
import { startSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { socialCareSubgraph } from "./subgraph.js";

await runServiceProcess(() => startSubgraph(socialCareSubgraph));
