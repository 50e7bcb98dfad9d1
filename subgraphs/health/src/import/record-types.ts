import {
  agencyRecordId,
  aliasesOf,
  calendarDate,
  enumOf,
  instant,
  nhsNumber,
  optional,
  personFields,
  text,
  uuid,
  z,
} from "@mash/agency-kit/import/field-schemas";
import { defineRecordType, type ImportRecord } from "@mash/agency-kit/import/record-type";
import * as tables from "../db/schema.js";

// The health import format: patient records and what health holds about each (see
// docs/import-format.md). Aliases and GP registrations have no ids of their own, so they travel
// inside their patient; a CP-IS flag carries its accesses, which name the attendance they were seen
// in (so attendances come before flags).

// The agency's own ids, opaque (see docs/import-format.md); HEALTH_RECORD_ID_PATTERN may narrow them.
const patientId = () => agencyRecordId("health");

const patientReference = (record: ImportRecord) => [
  { field: "patientId", recordType: "patient", id: String(record.patientId) },
];

export const patient = defineRecordType({
  type: "patient",
  table: tables.patient,
  id: patientId(),
  isPerson: true,
  fields: {
    nhsNumber: optional(nhsNumber()),
    ...personFields(),
  },
  embedded: [
    aliasesOf(tables.patientAlias, "patientId"),
    {
      field: "gpRegistrations",
      table: tables.gpRegistration,
      parentKey: "patientId",
      item: {
        practiceCode: z
          .string()
          .regex(/^[A-Z][0-9]{5}$/, { error: "must be an ODS code, a letter and five digits" }),
        practiceName: text(),
        registeredOn: calendarDate(),
      },
      orderBy: ["id"],
    },
  ],
});

export const unscheduledCareAttendance = defineRecordType({
  type: "unscheduledCareAttendance",
  table: tables.unscheduledCareAttendance,
  id: uuid(),
  fields: {
    patientId: patientId(),
    attendedAt: instant(),
    setting: enumOf(tables.unscheduledCareSetting),
    presentingComplaint: text(),
  },
  references: patientReference,
});

export const cpisFlag = defineRecordType({
  type: "cpisFlag",
  table: tables.cpisFlag,
  id: uuid(),
  fields: {
    patientId: patientId(),
    nhsNumber: nhsNumber(),
    planType: enumOf(tables.cpisPlanType),
    startDate: calendarDate(),
    endDate: optional(calendarDate()),
    localAuthorityName: text(),
    localAuthorityCode: z
      .string()
      .regex(/^E[0-9]{8}$/, { error: "must be an ONS local authority code, E and eight digits" }),
    localAuthorityOfficeHoursPhone: text(),
    localAuthorityOutOfHoursPhone: text(),
  },
  embedded: [
    {
      field: "accesses",
      table: tables.cpisAccess,
      parentKey: "flagId",
      item: {
        attendanceId: uuid(),
        accessedAt: instant(),
        setting: enumOf(tables.unscheduledCareSetting),
      },
      sortBy: ["attendanceId"],
      orderBy: ["attendanceId"],
    },
  ],
  references: (record) => [
    ...patientReference(record),
    ...(record.accesses as { attendanceId: string }[]).map((access, index) => ({
      field: `accesses[${index}].attendanceId`,
      recordType: "unscheduledCareAttendance",
      id: access.attendanceId,
    })),
  ],
});

export const communityHealthContact = defineRecordType({
  type: "communityHealthContact",
  table: tables.communityHealthContact,
  id: uuid(),
  fields: {
    patientId: patientId(),
    contactDate: calendarDate(),
    service: enumOf(tables.communityHealthService),
    summary: text(),
  },
  references: patientReference,
});

export const maternityEpisode = defineRecordType({
  type: "maternityEpisode",
  table: tables.maternityEpisode,
  id: uuid(),
  fields: {
    patientId: patientId(),
    bookingDate: calendarDate(),
    expectedDeliveryDate: calendarDate(),
    concerns: z.array(text()).default([]),
  },
  references: patientReference,
});

export const camhsInvolvement = defineRecordType({
  type: "camhsInvolvement",
  table: tables.camhsInvolvement,
  id: uuid(),
  fields: {
    patientId: patientId(),
    referredOn: calendarDate(),
    status: enumOf(tables.camhsStatus),
    closedOn: optional(calendarDate()),
    clinicalNotes: text(),
  },
  references: patientReference,
});

/** In dependency order: patients, attendances, then flags (whose accesses name attendances). */
export const healthRecordTypes = [
  patient,
  unscheduledCareAttendance,
  cpisFlag,
  communityHealthContact,
  maternityEpisode,
  camhsInvolvement,
];
