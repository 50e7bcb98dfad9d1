import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import * as tables from "../src/db/schema.js";
import { healthMatching } from "../src/matching.js";
import { healthSubgraph } from "../src/subgraph.js";

describeRecordMatching({
  definition: healthSubgraph,
  tables,
  recordIdField: "patientId",
  recordNoun: "record",
  matchesField: "healthMatches",
  decideMutation: "decideHealthMatch",
  confirmReason: "Same person: checked the record",
  matchPeopleAfterImport: healthMatching.matchAfterImport,
});
