import { runServiceProcess } from "@mash/platform/http/run-process";
import { startSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { probationSubgraph } from "../src/subgraph.js";
import { probationSeeder } from "./seed.js";

// Development: the service as src/server.ts runs it in production, and a synthetic seed when its
// database is empty. `npm start` runs this; a production build holds neither file.
await runServiceProcess(() => startSubgraph(probationSubgraph, { seeder: probationSeeder }));
