import { runServiceProcess } from "@mash/platform/http/run-process";
import { startSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { policeSubgraph } from "./subgraph.js";

await runServiceProcess(() => startSubgraph(policeSubgraph));
