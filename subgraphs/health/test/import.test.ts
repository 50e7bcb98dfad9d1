import { fileURLToPath } from "node:url";
import type { ImportRecord } from "@mash/agency-kit/import/record-type";
import { describeImportSuite, freshIdLike } from "@mash/test-suites/import-suite";
import { healthImport } from "../src/import/health-import.js";
import { healthMatching } from "../src/matching.js";
import { healthSubgraph } from "../src/subgraph.js";

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
  definition: healthSubgraph,
  agencyImport: healthImport,
  examplePath: fileURLToPath(new URL("../import-examples/health.jsonl", import.meta.url)),
  linkage: {
    learnSubjects: (db, subjects) => healthMatching.linkAll(db, subjects),
    matchesField: "healthMatches",
  },
  mutation: { field: "importHealthRecords", role: "health-data-administrator" },
  changedRecord: (example) => ({
    ...first(example, "unscheduledCareAttendance"),
    presentingComplaint: "Changed complaint",
  }),
  ownIdRecords: (example) => {
    const person = first(example, "patient");
    const event = first(example, "unscheduledCareAttendance");
    return ["RKB1234567", "4471_0099"].flatMap((id, index) => [
      { ...person, id },
      { ...event, id: freshIdLike(String(event.id), 20 + index), patientId: id },
    ]);
  },
  plantedErrors: (example) => {
    const patient = first(example, "patient", (r) => r.nhsNumber !== null);
    const flag = first(example, "cpisFlag");
    const attendance = first(example, "unscheduledCareAttendance");
    return [
      {
        description: "an NHS number with the wrong check digit",
        text: planted(patient, 1, { nhsNumber: wrongCheckDigit(String(patient.nhsNumber)) }),
        field: "nhsNumber",
        reason: /check digit/i,
      },
      {
        description: "an instant without a UTC offset",
        text: planted(attendance, 2, { attendedAt: "2024-05-01 10:00" }),
        field: "attendedAt",
      },
      {
        description: "an unknown enum value",
        text: planted(attendance, 3, { setting: "pharmacy" }),
        field: "setting",
        reason: /must be one of/,
      },
      {
        description: "a missing required field",
        text: planted(flag, 4, {}, ["localAuthorityName"]),
        field: "localAuthorityName",
        reason: /required/,
      },
      {
        description: "an unknown field inside an embedded list",
        text: planted(patient, 5, {
          aliases: [{ givenName: "A", familyName: "B", nickname: "C" }],
        }),
        field: "aliases[0].nickname",
        reason: /unknown field/,
      },
      {
        description: "a CP-IS access naming an attendance that is nowhere",
        text: planted(flag, 6, {
          accesses: [
            {
              attendanceId: "00000000-0000-4000-8000-999999999999",
              accessedAt: "2024-05-01T10:00:00.000Z",
              setting: "nhs_111",
            },
          ],
        }),
        field: "accesses[0].attendanceId",
        reason: /neither on an earlier line nor in the database/,
      },
      {
        description: "a record id with a space in it",
        text: planted(first(example, "patient"), 8, { id: "A 1" }),
        field: "id",
        reason: /letters, digits/,
      },
      {
        description: "a malformed JSON line",
        text: '{"type":"patient"',
        field: null,
        reason: /JSON/,
      },
    ];
  },
});
