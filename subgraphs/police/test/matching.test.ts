import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import * as tables from "../src/db/schema.js";
import { policeMatching } from "../src/matching.js";
import { policeSubgraph } from "../src/subgraph.js";

describeRecordMatching({
  definition: policeSubgraph,
  tables,
  recordIdField: "nominalId",
  recordNoun: "nominal",
  matchesField: "policeMatches",
  decideMutation: "decidePoliceMatch",
  confirmReason: "Same person: PNC photo",
  matchPeopleAfterImport: policeMatching.matchAfterImport,
});
