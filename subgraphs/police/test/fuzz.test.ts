import { describeFuzzSuite } from "@mash/test-suites/fuzz-suite";
import { policeSeeder } from "../dev/seed.js";
import { policeSubgraph } from "../src/subgraph.js";

// Generated requests, well-formed and broken, and the attacks of issue 13, straight at the police
// subgraph: none may crash it, reach a 5xx, or show a stack trace.
describeFuzzSuite({ subgraph: policeSubgraph, seeder: policeSeeder });
