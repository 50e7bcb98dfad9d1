import { describeFuzzSuite } from "@mash/test-suites/fuzz-suite";
import { socialCareSeeder } from "../dev/seed.js";
import { socialCareSubgraph } from "../src/subgraph.js";

// Generated requests, well-formed and broken, and the attacks of issue 13, straight at the social care
// subgraph: none may crash it, reach a 5xx, or show a stack trace.
describeFuzzSuite({ subgraph: socialCareSubgraph, seeder: socialCareSeeder });
