import { runServiceProcess } from "@mash/runtime/http/run-process";
import { startSubgraph } from "@mash/runtime/subgraph/start-subgraph";
import { probationSubgraph } from "./subgraph.js";

await runServiceProcess(() => startSubgraph(probationSubgraph));
