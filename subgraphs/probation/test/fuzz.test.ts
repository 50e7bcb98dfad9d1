import { describeFuzzSuite } from "@mash/test-suites/fuzz-suite";
import { probationSeeder } from "../dev/seed.js";
import { probationSubgraph } from "../src/subgraph.js";

// Generated requests, well-formed and broken, and the attacks of issue 13, straight at the probation
// subgraph: none may crash it, reach a 5xx, or show a stack trace.
describeFuzzSuite({ subgraph: probationSubgraph, seeder: probationSeeder });
