import { describeAgencyCheckWiring } from "@mash/test-suites/agency-check-suite";
import { probationSeeder } from "../dev/seed.js";
import { probationSubgraph } from "../src/subgraph.js";

describeAgencyCheckWiring({
  subgraph: probationSubgraph,
  seeder: probationSeeder,
  agency: "probation",
  label: "Probation",
  practitionerRole: "probation-officer",
  checkField: "probationCheck",
  recordMutation: "recordProbationDisclosure",
  agencyValue: "PROBATION",
});
