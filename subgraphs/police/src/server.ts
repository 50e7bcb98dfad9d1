import { runServiceProcess } from "@mash/runtime/http/run-process";
import { startSubgraph } from "@mash/runtime/subgraph/start-subgraph";
import { policeSubgraph } from "./subgraph.js";

await runServiceProcess(() => startSubgraph(policeSubgraph));
