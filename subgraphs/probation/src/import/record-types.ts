import {
  addressFields,
  aliasesOf,
  calendarDate,
  crn,
  enumOf,
  nameFields,
  optional,
  pncId,
  text,
  uuid,
  z,
} from "@mash/agency-kit/import/field-schemas";
import { defineRecordType } from "@mash/agency-kit/import/record-type";
import * as tables from "../db/schema.js";

// The probation import format: offenders (keyed by CRN), their cases, the licence conditions of
// each case and the people those conditions protect (see docs/import-format.md). Aliases have no
// ids of their own, so they travel inside their offender.

export const offender = defineRecordType({
  type: "offender",
  table: tables.offender,
  id: crn(),
  key: ["crn"],
  isPerson: true,
  fields: {
    ...nameFields(),
    sex: optional(enumOf(tables.sex)),
    gender: optional(enumOf(tables.gender)),
    dateOfBirth: optional(calendarDate()),
    pncId: optional(pncId()),
    ...addressFields(),
  },
  embedded: [aliasesOf(tables.offenderAlias, "crn")],
});

export const probationCase = defineRecordType({
  type: "probationCase",
  table: tables.probationCase,
  id: uuid(),
  fields: {
    crn: crn(),
    supervisionType: enumOf(tables.supervisionType),
    offenderManager: text(),
    startDate: calendarDate(),
    endDate: calendarDate(),
    indexOffence: text(),
    mappaCategory: optional(enumOf(tables.mappaCategory)),
    mappaLevel: optional(enumOf(tables.mappaLevel)),
    roshOverall: enumOf(tables.roshLevel),
    roshChildren: enumOf(tables.roshLevel),
    roshPublic: enumOf(tables.roshLevel),
    roshKnownAdult: enumOf(tables.roshLevel),
    roshStaff: enumOf(tables.roshLevel),
  },
  references: (record) => [{ field: "crn", recordType: "offender", id: String(record.crn) }],
});

export const licenceCondition = defineRecordType({
  type: "licenceCondition",
  table: tables.licenceCondition,
  id: uuid(),
  renamed: { conditionType: "type" },
  fields: {
    caseId: uuid(),
    position: z.number().int().min(0),
    conditionType: enumOf(tables.licenceConditionType),
    description: text(),
  },
  references: (record) => [
    { field: "caseId", recordType: "probationCase", id: String(record.caseId) },
  ],
});

/** At most one per condition, so its id is the condition's. Highly restricted once imported. */
export const protectedPerson = defineRecordType({
  type: "protectedPerson",
  table: tables.protectedPerson,
  id: uuid(),
  key: ["conditionId"],
  fields: { givenName: text(), familyName: text(), ...addressFields() },
  references: (record) => [{ field: "id", recordType: "licenceCondition", id: record.id }],
});

/** In dependency order: offenders, cases, conditions, protected people. */
export const probationRecordTypes = [offender, probationCase, licenceCondition, protectedPerson];
