import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import { healthSeeder } from "../dev/seed.js";
import * as tables from "../src/db/schema.js";
import { healthMatching } from "../src/matching.js";
import { healthSubgraph } from "../src/subgraph.js";

describeRecordMatching({
  definition: healthSubgraph,
  seeder: healthSeeder,
  tables,
  recordIdField: "patientId",
  recordNoun: "record",
  matchesField: "healthMatches",
  decideMutation: "decideHealthMatch",
  confirmReason: "Same person: checked the record",
  pullSubjectChanges: healthMatching.pullSubjectChanges,
  matchPeopleAfterImport: healthMatching.matchAfterImport,
});
