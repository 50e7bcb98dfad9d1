import { describeAgencyCheckWiring } from "@mash/test-suites/agency-check-suite";
import { healthSubgraph } from "../src/subgraph.js";

describeAgencyCheckWiring({
  subgraph: healthSubgraph,
  agency: "health",
  label: "Health",
  practitionerRole: "mash-health-practitioner",
  checkField: "healthCheck",
  recordMutation: "recordHealthDisclosure",
  agencyValue: "HEALTH",
});
