import { fileURLToPath } from "node:url";
import type { ImportRecord } from "@mash/agency-kit/import/record-type";
import { describeImportSuite, freshIdLike } from "@mash/test-suites/import-suite";
import { policeImport } from "../src/import/police-import.js";
import { policeMatching } from "../src/matching.js";
import { policeSubgraph } from "../src/subgraph.js";

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
  definition: policeSubgraph,
  agencyImport: policeImport,
  examplePath: fileURLToPath(new URL("../import-examples/police.jsonl", import.meta.url)),
  linkage: {
    learnSubjects: (db, subjects) => policeMatching.linkAll(db, subjects),
    matchesField: "policeMatches",
  },
  mutation: { field: "importPoliceRecords", role: "police-data-administrator" },
  changedRecord: (example) => ({ ...first(example, "nominal"), familyName: "Changed-Surname" }),
  ownIdRecords: (example) => {
    const person = first(example, "nominal");
    const event = first(example, "offence");
    return ["12345678", "NOM-2024:000017"].flatMap((id, index) => [
      { ...person, id },
      { ...event, id: freshIdLike(String(event.id), 20 + index), nominalId: id },
    ]);
  },
  plantedErrors: (example) => {
    const nominal = first(example, "nominal", (r) => r.pncId !== null);
    const offence = first(example, "offence");
    const pncId = String(nominal.pncId);
    const wrongLetter = pncId.endsWith("A") ? "B" : "A";
    return [
      {
        description: "a PNC ID with the wrong check letter",
        text: planted(nominal, 1, { pncId: `${pncId.slice(0, -1)}${wrongLetter}` }),
        field: "pncId",
        reason: /check/i,
      },
      {
        description: "a date that does not exist",
        text: planted(nominal, 2, { dateOfBirth: "2001-02-30" }),
        field: "dateOfBirth",
      },
      {
        description: "an unknown enum value",
        text: planted(offence, 3, { category: "burglary" }),
        field: "category",
        reason: /must be one of/,
      },
      {
        description: "a missing required field",
        text: planted(nominal, 4, {}, ["familyName"]),
        field: "familyName",
        reason: /required/,
      },
      {
        description: "an unknown field",
        text: planted(nominal, 5, { eyeColour: "blue" }),
        field: "eyeColour",
        reason: /unknown field/,
      },
      {
        description: "a reference to a nominal that is nowhere",
        text: planted(offence, 6, { nominalId: "NOM9999999" }),
        field: "nominalId",
        reason: /neither on an earlier line nor in the database/,
      },
      {
        description: "a record id with a space in it",
        text: planted(first(example, "nominal"), 8, { id: "A 1" }),
        field: "id",
        reason: /letters, digits/,
      },
      {
        description: "a malformed JSON line",
        text: '{"type": "nominal", "id": ',
        field: null,
        reason: /JSON/,
      },
      {
        description: "an arrest without its outcome, which only the database refuses",
        text: planted(offence, 7, { arrestedOn: "2024-01-02", arrestOutcome: null }),
        field: null,
        reason: /database refused/,
      },
    ];
  },
});
