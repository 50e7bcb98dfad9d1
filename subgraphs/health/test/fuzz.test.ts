import { describeFuzzSuite } from "@mash/test-suites/fuzz-suite";
import { healthSeeder } from "../dev/seed.js";
import { healthSubgraph } from "../src/subgraph.js";

// Generated requests, well-formed and broken, and the attacks of issue 13, straight at the health
// subgraph: none may crash it, reach a 5xx, or show a stack trace.
describeFuzzSuite({ subgraph: healthSubgraph, seeder: healthSeeder });
