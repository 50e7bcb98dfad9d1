import { describeRecordMatching } from "@mash/test-suites/matching-suite";
import { probationSeeder } from "../dev/seed.js";
import * as tables from "../src/db/schema.js";
import { probationMatching } from "../src/matching.js";
import { probationSubgraph } from "../src/subgraph.js";

describeRecordMatching({
  definition: probationSubgraph,
  seeder: probationSeeder,
  tables,
  recordIdField: "crn",
  // Probation knows few of the subjects: a larger world gives its researcher proposals to decide.
  subjects: 900,
  recordNoun: "record",
  matchesField: "probationMatches",
  decideMutation: "decideProbationMatch",
  confirmReason: "Same person: checked the record",
  pullSubjectChanges: probationMatching.pullSubjectChanges,
  matchPeopleAfterImport: probationMatching.matchAfterImport,
});
