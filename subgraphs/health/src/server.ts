import { runServiceProcess } from "@mash/runtime/http/run-process";
import { startSubgraph } from "@mash/runtime/subgraph/start-subgraph";
import { healthSubgraph } from "./subgraph.js";

await runServiceProcess(() => startSubgraph(healthSubgraph));
