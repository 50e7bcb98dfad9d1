import { describeAgencyCheckWiring } from "@mash/test-suites/agency-check-suite";
import { probationSubgraph } from "../src/subgraph.js";

describeAgencyCheckWiring({
  subgraph: probationSubgraph,
  agency: "probation",
  label: "Probation",
  practitionerRole: "probation-officer",
  checkField: "probationCheck",
  recordMutation: "recordProbationDisclosure",
  agencyValue: "PROBATION",
});
