import { agencyRecordIdColumn } from "@mash/agency-kit/db/agency-record-id";
import { matchingAgencyTables } from "@mash/agency-kit/db/agency-tables";
import {
  matchingIndexes,
  personAliasColumns,
  personAliasIndexes,
  personColumns,
} from "@mash/agency-kit/db/person-record";
import { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import {
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// Health's own database: its patient records under its own ids (opaque: the trust's), what health
// holds about each, and the links from MASH subjects (social care's person ids) to those records.
// Enum values are the lower-case forms of the SDL's enum values.

// The enums of the tables every matching agency keeps: drizzle-kit creates only those exported.
export * from "@mash/agency-kit/db/matching-agency-enums";

/** A patient record as health holds it. The NHS number is the key health searches by. */
export const patient = pgTable(
  "patient",
  {
    id: agencyRecordIdColumn("id").primaryKey(),
    /** Normalised to 10 digits; missing when the record was never traced on the Spine. */
    nhsNumber: varchar("nhs_number", { length: 10 }),
    ...personColumns(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("patient_nhs_number_idx").on(table.nhsNumber),
    index("patient_name_dob_idx").on(table.familyName, table.dateOfBirth),
    // Record matching blocks on date of birth, postcode and (case-blind) name.
    ...matchingIndexes("patient", table),
  ],
);

/** A row of the patient's: the patient record it belongs to. */
const patientId = () =>
  agencyRecordIdColumn("patient_id")
    .notNull()
    .references(() => patient.id);

export const patientAlias = pgTable(
  "patient_alias",
  personAliasColumns("patientId", patientId()),
  (table) =>
    personAliasIndexes(
      "patient",
      { ...table, record: table.patientId },
      "patient_alias_patient_idx",
    ),
);

/**
 * Which health records are which MASH subject. Owned by health: there is no common key across
 * agencies, so the link is a decision health keeps (and can revoke). A subject may have several
 * records here (within-agency duplicates).
 */
export const subjectLink = subjectLinkTable(agencyRecordIdColumn, () => patient.id);

// Disclosures, import history and record matching: the same tables in every matching agency.
export const { disclosure, importHistory, mashSubject, matchCandidate, linkEvent, subjectFeed } =
  matchingAgencyTables(() => patient.id);

/** Registration with a GP practice. */
export const gpRegistration = pgTable(
  "gp_registration",
  {
    id: serial("id").primaryKey(),
    patientId: patientId(),
    /** ODS organisation code: a letter and five digits. */
    practiceCode: varchar("practice_code", { length: 6 }).notNull(),
    practiceName: text("practice_name").notNull(),
    registeredOn: date("registered_on", { mode: "string" }).notNull(),
  },
  (table) => [index("gp_registration_patient_idx").on(table.patientId, table.registeredOn)],
);

export const cpisPlanType = pgEnum("cpis_plan_type", [
  "child_protection_plan",
  "looked_after",
  "unborn_child_protection_plan",
]);

/**
 * A Child Protection - Information Sharing flag. CP-IS keys flags on the NHS number; `patient_id`
 * is the record the flag was matched to when it arrived. The responsible local authority is copied
 * onto the flag, as CP-IS shows it to unscheduled care.
 */
export const cpisFlag = pgTable(
  "cpis_flag",
  {
    id: uuid("id").primaryKey(),
    patientId: patientId(),
    nhsNumber: varchar("nhs_number", { length: 10 }).notNull(),
    planType: cpisPlanType("plan_type").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    localAuthorityName: text("local_authority_name").notNull(),
    localAuthorityCode: varchar("local_authority_code", { length: 9 }).notNull(),
    localAuthorityOfficeHoursPhone: text("local_authority_office_hours_phone").notNull(),
    localAuthorityOutOfHoursPhone: text("local_authority_out_of_hours_phone").notNull(),
  },
  (table) => [
    index("cpis_flag_patient_idx").on(table.patientId),
    index("cpis_flag_nhs_number_idx").on(table.nhsNumber),
  ],
);

export const unscheduledCareSetting = pgEnum("unscheduled_care_setting", [
  "emergency_department",
  "minor_injury_unit",
  "walk_in_centre",
  "gp_out_of_hours",
  "nhs_111",
  "ambulance",
]);

export const unscheduledCareAttendance = pgTable(
  "unscheduled_care_attendance",
  {
    id: uuid("id").primaryKey(),
    patientId: patientId(),
    attendedAt: timestamp("attended_at", { withTimezone: true }).notNull(),
    setting: unscheduledCareSetting("setting").notNull(),
    presentingComplaint: text("presenting_complaint").notNull(),
  },
  (table) => [
    index("unscheduled_care_attendance_patient_idx").on(table.patientId, table.attendedAt),
  ],
);

/**
 * An unscheduled care setting viewing a CP-IS flag. CP-IS keeps these on the flag (and tells the
 * local authority of each one); here each is the attendance during which the flag was seen.
 */
export const cpisAccess = pgTable(
  "cpis_access",
  {
    flagId: uuid("flag_id")
      .notNull()
      .references(() => cpisFlag.id),
    attendanceId: uuid("attendance_id")
      .notNull()
      .references(() => unscheduledCareAttendance.id),
    accessedAt: timestamp("accessed_at", { withTimezone: true }).notNull(),
    setting: unscheduledCareSetting("setting").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.flagId, table.attendanceId] }),
    index("cpis_access_flag_idx").on(table.flagId, table.accessedAt),
  ],
);

export const communityHealthService = pgEnum("community_health_service", [
  "health_visiting",
  "school_nursing",
]);

/** A health visiting or school nursing contact. */
export const communityHealthContact = pgTable(
  "community_health_contact",
  {
    id: uuid("id").primaryKey(),
    patientId: patientId(),
    contactDate: date("contact_date", { mode: "string" }).notNull(),
    service: communityHealthService("service").notNull(),
    summary: text("summary").notNull(),
  },
  (table) => [index("community_health_contact_patient_idx").on(table.patientId, table.contactDate)],
);

/** A pregnancy booked with maternity services; `patient_id` is the mother. */
export const maternityEpisode = pgTable(
  "maternity_episode",
  {
    id: uuid("id").primaryKey(),
    patientId: patientId(),
    bookingDate: date("booking_date", { mode: "string" }).notNull(),
    expectedDeliveryDate: date("expected_delivery_date", { mode: "string" }).notNull(),
    concerns: text("concerns").array().notNull().default([]),
  },
  (table) => [index("maternity_episode_patient_idx").on(table.patientId)],
);

export const camhsStatus = pgEnum("camhs_status", ["open", "closed"]);

/** Child and adolescent mental health services involvement. */
export const camhsInvolvement = pgTable(
  "camhs_involvement",
  {
    id: uuid("id").primaryKey(),
    patientId: patientId(),
    referredOn: date("referred_on", { mode: "string" }).notNull(),
    status: camhsStatus("status").notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    /** The most restricted health text (S4: break-glass only). */
    clinicalNotes: text("clinical_notes").notNull(),
  },
  (table) => [index("camhs_involvement_patient_idx").on(table.patientId)],
);
