import {
  agencyRecordId,
  aliasesOf,
  calendarDate,
  croNumber,
  enumOf,
  instant,
  optional,
  personFields,
  pncId,
  text,
  uuid,
  z,
} from "@mash/agency-kit/import/field-schemas";
import { defineRecordType, type ImportRecord } from "@mash/agency-kit/import/record-type";
import * as tables from "../db/schema.js";

// The police import format: one record type per kind of record the force holds (see
// docs/import-format.md). Aliases and warning markers have no ids of their own, so they travel
// inside their nominal; who was involved in an incident travels inside the incident.

// The agency's own ids, opaque (see docs/import-format.md); POLICE_RECORD_ID_PATTERN may narrow them.
const nominalId = () => agencyRecordId("police");

const nominalReference = (record: ImportRecord) => [
  { field: "nominalId", recordType: "nominal", id: String(record.nominalId) },
];

export const nominal = defineRecordType({
  type: "nominal",
  table: tables.nominal,
  id: nominalId(),
  isPerson: true,
  fields: {
    ...personFields(),
    // Short forms (YY/N…C) are expanded by the parser's default century rule.
    pncId: optional(pncId()),
    croNumber: optional(croNumber()),
  },
  embedded: [
    aliasesOf(tables.nominalAlias, "nominalId"),
    {
      field: "warningMarkers",
      table: tables.warningMarker,
      parentKey: "nominalId",
      item: { code: enumOf(tables.warningMarkerCode), addedOn: calendarDate() },
      orderBy: ["id"],
    },
  ],
});

export const policeNotification = defineRecordType({
  type: "policeNotification",
  table: tables.policeNotification,
  id: uuid(),
  fields: {
    nominalId: nominalId(),
    raisedAt: instant(),
    category: enumOf(tables.notificationCategory),
    summary: text(),
  },
  references: nominalReference,
});

export const domesticAbuseIncident = defineRecordType({
  type: "domesticAbuseIncident",
  table: tables.domesticAbuseIncident,
  id: uuid(),
  fields: {
    occurredAt: instant(),
    dashRisk: enumOf(tables.dashRisk),
    maracReferral: z.boolean(),
    summary: text(),
  },
  embedded: [
    {
      field: "involved",
      table: tables.incidentInvolvement,
      parentKey: "incidentId",
      item: { nominalId: nominalId(), role: enumOf(tables.incidentRole) },
      sortBy: ["nominalId", "role"],
      orderBy: ["nominalId", "role"],
    },
  ],
  references: (record) =>
    (record.involved as { nominalId: string }[]).map((item, index) => ({
      field: `involved[${index}].nominalId`,
      recordType: "nominal",
      id: item.nominalId,
    })),
});

export const offence = defineRecordType({
  type: "offence",
  table: tables.offence,
  id: uuid(),
  fields: {
    nominalId: nominalId(),
    committedOn: calendarDate(),
    category: enumOf(tables.offenceCategory),
    description: text(),
    arrestedOn: optional(calendarDate()),
    arrestOutcome: optional(enumOf(tables.arrestOutcome)),
  },
  references: nominalReference,
});

export const intelligenceItem = defineRecordType({
  type: "intelligenceItem",
  table: tables.intelligenceItem,
  id: uuid(),
  fields: {
    nominalId: nominalId(),
    recordedOn: calendarDate(),
    sourceEvaluation: z.union([z.literal(1), z.literal(2), z.literal(3)], {
      error: "must be 1, 2 or 3",
    }),
    intelligenceAssessment: enumOf(tables.intelligenceAssessment),
    handlingCode: enumOf(tables.handlingCode),
    sanitisedText: text(),
  },
  references: nominalReference,
});

/** In dependency order: nominals first, everything held against them after. */
export const policeRecordTypes = [
  nominal,
  policeNotification,
  domesticAbuseIncident,
  offence,
  intelligenceItem,
];
