import {
  addressFields,
  agencyRecordIdAsUuid,
  aliasItem,
  calendarDate,
  enumOf,
  instant,
  nameFields,
  nhsNumber,
  optional,
  text,
  upn,
  z,
} from "@mash/agency-kit/import/field-schemas";
import { defineRecordType, type ImportRecord } from "@mash/agency-kit/import/record-type";
import * as tables from "../db/schema.js";

// The social care import format: the person record (the MASH subject), households, relationships
// and the person's history (see docs/import-format.md). Aliases have no ids of their own, so they
// travel inside their person. Enquiries, their participants and break-glass grants are the MASH's
// own workflow, not an agency export, so they are not imported.

/**
 * Social care's own ids, opaque (SOCIAL_CARE_RECORD_ID_PATTERN may narrow them): a UUID is kept, any
 * other id stored as the UUID it names (see `agencyRecordIdAsUuid`).
 */
const socialCareId = (recordType: string) => agencyRecordIdAsUuid("social-care", recordType);

const personReference = (record: ImportRecord) => [
  { field: "personId", recordType: "person", id: String(record.personId) },
];

/** The fields of every history episode that belongs to one person. */
const episodeOf = () => ({ personId: socialCareId("person") });

export const household = defineRecordType({
  type: "household",
  table: tables.household,
  id: socialCareId("household"),
  fields: { ...addressFields() },
});

export const person = defineRecordType({
  type: "person",
  table: tables.person,
  id: socialCareId("person"),
  isPerson: true,
  fields: {
    ...nameFields(),
    sex: optional(enumOf(tables.sex)),
    gender: optional(enumOf(tables.gender)),
    dateOfBirth: optional(calendarDate()),
    nhsNumber: optional(nhsNumber()),
    upn: optional(upn()),
    ...addressFields(),
    householdId: optional(socialCareId("household")),
  },
  embedded: [
    {
      field: "aliases",
      table: tables.personAlias,
      parentKey: "personId",
      item: aliasItem(),
      orderBy: ["id"],
    },
  ],
  references: (record) =>
    record.householdId
      ? [{ field: "householdId", recordType: "household", id: String(record.householdId) }]
      : [],
});

/**
 * Social care keeps no id for a relationship: it is who, how and to whom, so its id is
 * "<personId>/<relationshipType>/<relatedPersonId>".
 */
export const relationship = defineRecordType({
  type: "relationship",
  table: tables.relationship,
  id: z.string(),
  key: ["personId", "type", "relatedPersonId"],
  renamed: { relationshipType: "type" },
  fields: {
    personId: socialCareId("person"),
    relationshipType: enumOf(tables.relationshipType),
    relatedPersonId: socialCareId("person"),
    livesTogether: z.boolean(),
  },
  references: (record) => [
    ...personReference(record),
    { field: "relatedPersonId", recordType: "person", id: String(record.relatedPersonId) },
  ],
});

export const contact = defineRecordType({
  type: "contact",
  table: tables.contact,
  id: socialCareId("contact"),
  fields: {
    ...episodeOf(),
    receivedAt: instant(),
    referrerType: enumOf(tables.referrerType),
    concern: enumOf(tables.concernCategory),
    summary: text(),
    consent: enumOf(tables.consentStatus),
    consentReason: optional(z.string()),
    outcome: enumOf(tables.contactOutcome),
    decidedAt: instant(),
  },
  references: personReference,
});

export const childProtectionPlan = defineRecordType({
  type: "childProtectionPlan",
  table: tables.childProtectionPlan,
  id: socialCareId("childProtectionPlan"),
  fields: {
    ...episodeOf(),
    category: enumOf(tables.cpCategory),
    startDate: calendarDate(),
    endDate: optional(calendarDate()),
    unborn: z.boolean().default(false),
  },
  references: personReference,
});

export const childInNeedEpisode = defineRecordType({
  type: "childInNeedEpisode",
  table: tables.childInNeedEpisode,
  id: socialCareId("childInNeedEpisode"),
  fields: {
    ...episodeOf(),
    startDate: calendarDate(),
    endDate: optional(calendarDate()),
    primaryNeed: enumOf(tables.cinPrimaryNeed),
  },
  references: personReference,
});

export const lookedAfterEpisode = defineRecordType({
  type: "lookedAfterEpisode",
  table: tables.lookedAfterEpisode,
  id: socialCareId("lookedAfterEpisode"),
  fields: {
    ...episodeOf(),
    startDate: calendarDate(),
    endDate: optional(calendarDate()),
    legalStatus: enumOf(tables.legalStatus),
    placementType: enumOf(tables.placementType),
    // The placement address: highly restricted once imported, as when seeded.
    ...addressFields(),
  },
  references: personReference,
});

export const earlyHelpEpisode = defineRecordType({
  type: "earlyHelpEpisode",
  table: tables.earlyHelpEpisode,
  id: socialCareId("earlyHelpEpisode"),
  fields: {
    ...episodeOf(),
    startDate: calendarDate(),
    endDate: optional(calendarDate()),
    leadProfessional: text(),
    focus: text(),
  },
  references: personReference,
});

export const adultSafeguardingConcern = defineRecordType({
  type: "adultSafeguardingConcern",
  table: tables.adultSafeguardingConcern,
  id: socialCareId("adultSafeguardingConcern"),
  fields: {
    ...episodeOf(),
    raisedAt: instant(),
    category: enumOf(tables.careActCategory),
    s42Enquiry: z.boolean(),
    outcome: enumOf(tables.adultSafeguardingOutcome),
  },
  references: personReference,
});

/** An open case: at most one per person, so its id is the person's. */
export const allocation = defineRecordType({
  type: "allocation",
  table: tables.allocation,
  id: socialCareId("allocation"),
  key: ["personId"],
  fields: { workerName: text(), team: text(), since: calendarDate() },
  references: (record) => [{ field: "id", recordType: "person", id: record.id }],
});

/** In dependency order: households, people, then what refers to people. */
export const socialCareRecordTypes = [
  household,
  person,
  relationship,
  contact,
  childProtectionPlan,
  childInNeedEpisode,
  lookedAfterEpisode,
  earlyHelpEpisode,
  adultSafeguardingConcern,
  allocation,
];
