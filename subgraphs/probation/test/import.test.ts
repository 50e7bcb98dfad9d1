import { fileURLToPath } from "node:url";
import type { ImportRecord } from "@mash/agency-kit/import/record-type";
import { describeImportSuite, freshIdLike } from "@mash/test-suites/import-suite";
import { probationImport } from "../src/import/probation-import.js";
import { probationMatching } from "../src/matching.js";
import { probationSubgraph } from "../src/subgraph.js";

const first = (
  example: ImportRecord[],
  type: string,
  where: (r: ImportRecord) => boolean = () => true,
) => {
  const found = example.find((record) => record.type === type && where(record));
  if (!found) throw new Error(`The example has no ${type}`);
  return found;
};

/** A copy of a record under a fresh id, with some fields changed or removed. */
function planted(
  record: ImportRecord,
  salt: number,
  changes: Record<string, unknown>,
  drop: string[] = [],
) {
  const copy: Record<string, unknown> = { ...record, id: freshIdLike(record.id, salt), ...changes };
  for (const field of drop) delete copy[field];
  return JSON.stringify(copy);
}

describeImportSuite({
  definition: probationSubgraph,
  agencyImport: probationImport,
  examplePath: fileURLToPath(new URL("../import-examples/probation.jsonl", import.meta.url)),
  linkage: {
    learnSubjects: (db, subjects) => probationMatching.linkAll(db, subjects),
    matchesField: "probationMatches",
  },
  mutation: { field: "importProbationRecords", role: "probation-data-administrator" },
  changedRecord: (example) => ({
    ...first(example, "probationCase"),
    roshOverall: "very_high",
    roshChildren: "very_high",
  }),
  plantedErrors: (example) => {
    const offender = first(example, "offender");
    const probationCase = first(example, "probationCase");
    const condition = first(example, "licenceCondition");
    return [
      {
        description: "a CRN that is not one letter and six digits",
        text: JSON.stringify({ ...offender, id: "AB12345" }),
        field: "id",
      },
      {
        description: "a date that does not exist",
        text: planted(probationCase, 2, { startDate: "2023-04-31" }),
        field: "startDate",
      },
      {
        description: "an unknown enum value",
        text: planted(probationCase, 3, { mappaCategory: "category_4" }),
        field: "mappaCategory",
        reason: /must be one of/,
      },
      {
        description: "a missing required field",
        text: planted(condition, 4, {}, ["description"]),
        field: "description",
        reason: /required/,
      },
      {
        description: "an unknown field",
        text: planted(probationCase, 5, { courtName: "Leeds" }),
        field: "courtName",
        reason: /unknown field/,
      },
      {
        description: "a condition of a case that is nowhere",
        text: planted(condition, 6, { caseId: "00000000-0000-4000-8000-999999999999" }),
        field: "caseId",
        reason: /neither on an earlier line nor in the database/,
      },
      { description: "a malformed JSON line", text: "[1, 2", field: null, reason: /JSON/ },
      {
        description: "a MAPPA category without a level, which only the database refuses",
        text: planted(probationCase, 8, { mappaCategory: "category_1", mappaLevel: null }),
        field: null,
        reason: /database refused/,
      },
    ];
  },
});
