import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import { policeSeeder } from "../dev/seed.js";
import * as tables from "../src/db/schema.js";
import { policeMatching } from "../src/matching.js";
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
  pullSubjectChanges: policeMatching.pullSubjectChanges,
  matchPeopleAfterImport: policeMatching.matchAfterImport,
});
