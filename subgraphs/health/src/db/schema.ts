import { addressColumns } from "@mash/agency-kit/db/address-columns";
import { agencyRecordIdColumn } from "@mash/agency-kit/db/agency-record-id";
import {
  linkEventTable,
  mashSubjectTable,
  matchCandidateTable,
  subjectFeedTable,
} from "@mash/agency-kit/db/match-tables";
import { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import { disclosureTable } from "@mash/agency-kit/disclosure/disclosure-table";
import { importHistoryTable } from "@mash/agency-kit/import/import-history-table";
import { nameKey } from "@mash/agency-kit/matching/name-key-sql";
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

export const sex = pgEnum("sex", ["female", "male"]);
export const gender = pgEnum("gender", ["female", "male", "non_binary", "not_known"]);

/** A patient record as health holds it. The NHS number is the key health searches by. */
export const patient = pgTable(
  "patient",
  {
    id: agencyRecordIdColumn("id").primaryKey(),
    /** Normalised to 10 digits; missing when the record was never traced on the Spine. */
    nhsNumber: varchar("nhs_number", { length: 10 }),
    givenName: text("given_name").notNull(),
    middleNames: text("middle_names").array().notNull().default([]),
    familyName: text("family_name").notNull(),
    sex: sex("sex"),
    gender: gender("gender"),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    ...addressColumns(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("patient_nhs_number_idx").on(table.nhsNumber),
    index("patient_name_dob_idx").on(table.familyName, table.dateOfBirth),
    // Record matching blocks on date of birth, postcode and (case-blind) name: each an index.
    index("patient_date_of_birth_idx").on(table.dateOfBirth),
    index("patient_postcode_idx").on(table.addressPostcode),
    index("patient_name_key_idx").on(nameKey(table.familyName), nameKey(table.givenName)),
  ],
);

export const patientAlias = pgTable(
  "patient_alias",
  {
    id: serial("id").primaryKey(),
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
  },
  (table) => [
    index("patient_alias_patient_idx").on(table.patientId),
    // Blocking finds a record by any name it is known by, in the matcher's normal form.
    index("patient_alias_name_key_idx").on(nameKey(table.familyName), nameKey(table.givenName)),
  ],
);

// Exported here because drizzle-kit creates only the enums this module exports.
export { linkSource } from "@mash/agency-kit/db/subject-link";

/**
 * Which health records are which MASH subject. Owned by health: there is no common key across
 * agencies, so the link is a decision health keeps (and can revoke). A subject may have several
 * records here (within-agency duplicates).
 */
export const subjectLink = subjectLinkTable(agencyRecordIdColumn, () => patient.id);

/** Registration with a GP practice. */
export const gpRegistration = pgTable(
  "gp_registration",
  {
    id: serial("id").primaryKey(),
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
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
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
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
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
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
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
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
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
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
    patientId: agencyRecordIdColumn("patient_id")
      .notNull()
      .references(() => patient.id),
    referredOn: date("referred_on", { mode: "string" }).notNull(),
    status: camhsStatus("status").notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    /** The most restricted health text (S4: break-glass only). */
    clinicalNotes: text("clinical_notes").notNull(),
  },
  (table) => [index("camhs_involvement_patient_idx").on(table.patientId)],
);

// Disclosures for MASH enquiries: the same table in every agency, its own rows in each. The enums
// are re-exported because drizzle-kit only creates the enums a schema file exports.
export { disclosureDecision, lawfulBasis } from "@mash/agency-kit/disclosure/disclosure-table";
export const disclosure = disclosureTable();

// Record matching: the identity each MASH subject was last matched with, and the pairs proposed
// and decided (see docs/matching.md). The enums are re-exported for drizzle-kit.
export { linkEventKind, matchBand, matchStatus } from "@mash/agency-kit/db/match-tables";
export const mashSubject = mashSubjectTable();
export const matchCandidate = matchCandidateTable(() => patient.id);
// The previous version of every record an import replaced (the same table in every agency).
export const importHistory = importHistoryTable();
/** Every change to a pair (proposed, linked, withdrawn, confirmed, rejected, revoked), in order. */
export const linkEvent = linkEventTable();
export const subjectFeed = subjectFeedTable();
