import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import { policeSeeder } from "../dev/seed.js";
import * as tables from "../src/db/schema.js";
import { matchPeopleAfterImport } from "../src/matching/after-import.js";
import { policeSubgraph } from "../src/subgraph.js";

describeRecordMatching({
  definition: policeSubgraph,
  seeder: policeSeeder,
  tables,
  recordIdField: "nominalId",
  recordNoun: "nominal",
  matchesField: "policeMatches",
  decideMutation: "decidePoliceMatch",
  confirmReason: "Same person: PNC photo",
  matchPeopleAfterImport,
});
