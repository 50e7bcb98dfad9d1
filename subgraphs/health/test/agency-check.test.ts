import { describeAgencyCheckWiring } from "@mash/test-suites/agency-check-suite";
import { healthSeeder } from "../dev/seed.js";
import { healthSubgraph } from "../src/subgraph.js";

describeAgencyCheckWiring({
  subgraph: healthSubgraph,
  seeder: healthSeeder,
  agency: "health",
  label: "Health",
  practitionerRole: "mash-health-practitioner",
  checkField: "healthCheck",
  recordMutation: "recordHealthDisclosure",
  agencyValue: "HEALTH",
});
