import { fileURLToPath } from "node:url";
import type { ImportRecord } from "@mash/agency-kit/import/record-type";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { describeImportSuite, freshIdLike } from "@mash/test-suites/import-suite";
import { socialCareImport } from "../src/import/social-care-import.js";
import { socialCareSubgraph } from "../src/subgraph.js";

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

/** An NHS number with its check digit changed: the same ten digits in every other respect. */
const wrongCheckDigit = (nhsNumber: string) =>
  `${nhsNumber.slice(0, 9)}${(Number(nhsNumber.slice(9)) + 1) % 10}`;

describeImportSuite({
  definition: socialCareSubgraph,
  agencyImport: socialCareImport,
  examplePath: fileURLToPath(new URL("../import-examples/social-care.jsonl", import.meta.url)),
  mutation: { field: "importSocialCareRecords", role: "social-care-data-administrator" },
  changedRecord: (example) => ({ ...first(example, "person"), givenName: "Changed" }),
  // A council's own ids (its case management system's), and a contact referring to each person.
  ownIdRecords: (example) => {
    const person = first(example, "person");
    const contact = first(example, "contact");
    return ["LCS1234567", "MOSAIC-000417"].flatMap((id, index) => [
      { ...person, id, householdId: null },
      { ...contact, id: `CT${index}${id}`, personId: id },
    ]);
  },
  storedIdOf: (record) => stableUuid(record.id, `social-care:${record.type}`),
  plantedErrors: (example) => {
    const person = first(example, "person", (r) => r.nhsNumber !== null);
    const contact = first(example, "contact");
    return [
      {
        description: "an NHS number with the wrong check digit",
        text: planted(person, 1, { nhsNumber: wrongCheckDigit(String(person.nhsNumber)) }),
        field: "nhsNumber",
        reason: /check digit/i,
      },
      {
        description: "a date that does not exist",
        text: planted(person, 2, { dateOfBirth: "2019-13-01" }),
        field: "dateOfBirth",
      },
      {
        description: "an unknown enum value",
        text: planted(contact, 3, { concern: "bad_weather" }),
        field: "concern",
        reason: /must be one of/,
      },
      {
        description: "a missing required field",
        text: planted(contact, 4, {}, ["summary"]),
        field: "summary",
        reason: /required/,
      },
      {
        description: "an unknown field",
        text: planted(person, 5, { favouriteColour: "green" }),
        field: "favouriteColour",
        reason: /unknown field/,
      },
      {
        description: "a reference to a person who is nowhere",
        text: planted(contact, 6, { personId: "00000000-0000-4000-8000-999999999999" }),
        field: "personId",
        reason: /neither on an earlier line nor in the database/,
      },
      { description: "a malformed JSON line", text: "{not json", field: null, reason: /JSON/ },
      {
        description: "an unknown record type",
        text: JSON.stringify({ type: "enquiry", id: "00000000-0000-4000-8000-000000000001" }),
        field: "type",
        reason: /unknown record type/,
      },
    ];
  },
});
