import { agencyRecordIdColumn } from "@mash/agency-kit/db/agency-record-id";
import { matchingAgencyTables } from "@mash/agency-kit/db/agency-tables";
import {
  matchingIndexes,
  personAliasColumns,
  personAliasIndexes,
  personColumns,
} from "@mash/agency-kit/db/person-record";
import { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// The police force's own database: nominal (person) records under the force's ids, what is held
// against them, and the link from each nominal to the MASH subject it is. Enum values are the
// lower-case forms of the SDL's enum values.

// The enums of the tables every matching agency keeps: drizzle-kit creates only those exported.
export * from "@mash/agency-kit/db/matching-agency-enums";

/**
 * A nominal: the force's record of a person. PNC ID and CRO number are stored in their canonical
 * forms only (the seed and any import normalise them first), so a search compares strings exactly.
 */
export const nominal = pgTable(
  "nominal",
  {
    /** The force's own id for the person (opaque: whatever its system issues). */
    id: agencyRecordIdColumn("id").primaryKey(),
    ...personColumns(),
    /** Long form YYYY/NNNNNNNC. */
    pncId: varchar("pnc_id", { length: 13 }),
    /** NNNNNN/YYC or SFYY/NNNNNNC. */
    croNumber: varchar("cro_number", { length: 12 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("nominal_pnc_id_canonical", sql`${table.pncId} ~ '^[0-9]{4}/[0-9]{7}[A-Z]$'`),
    check(
      "nominal_cro_number_canonical",
      sql`${table.croNumber} ~ '^([0-9]{6}/[0-9]{2}[A-Z]|SF[0-9]{2}/[0-9]{1,6}[A-Z])$'`,
    ),
    // Researchers search by identifier, by name and date of birth, and by address.
    index("nominal_pnc_id_idx").on(table.pncId),
    index("nominal_cro_number_idx").on(table.croNumber),
    index("nominal_name_idx").on(table.familyName, table.givenName),
    // Record matching blocks on date of birth, postcode and (case-blind) name.
    ...matchingIndexes("nominal", table),
  ],
);

/** A row of the nominal's: the nominal it belongs to. */
const nominalId = () =>
  agencyRecordIdColumn("nominal_id")
    .notNull()
    .references(() => nominal.id);

export const nominalAlias = pgTable(
  "nominal_alias",
  personAliasColumns("nominalId", nominalId()),
  (table) =>
    personAliasIndexes(
      "nominal",
      { ...table, record: table.nominalId },
      "nominal_alias_nominal_idx",
    ),
);

/**
 * Which MASH subject a nominal is. Owned by the police (the force decides what it shares about
 * whom); a subject links to several nominals when the force holds duplicates.
 */
export const subjectLink = subjectLinkTable(agencyRecordIdColumn, () => nominal.id);

// Disclosures, import history and record matching: the same tables in every matching agency.
export const { disclosure, importHistory, mashSubject, matchCandidate, linkEvent, subjectFeed } =
  matchingAgencyTables(() => nominal.id);

export const warningMarkerCode = pgEnum("warning_marker_code", [
  "at",
  "co",
  "dr",
  "es",
  "ex",
  "fi",
  "im",
  "mh",
  "sh",
  "su",
  "vi",
  "we",
]);

/** PNC warning signals held against a nominal. */
export const warningMarker = pgTable(
  "warning_marker",
  {
    id: serial("id").primaryKey(),
    nominalId: nominalId(),
    code: warningMarkerCode("code").notNull(),
    addedOn: date("added_on", { mode: "string" }).notNull(),
  },
  (table) => [index("warning_marker_nominal_idx").on(table.nominalId)],
);

export const notificationCategory = pgEnum("notification_category", [
  "child_at_risk",
  "domestic_abuse_child_present",
  "missing_person",
  "vulnerable_adult",
  "child_exploitation",
]);

/** A police notification (PPN) about a child or vulnerable adult. */
export const policeNotification = pgTable(
  "police_notification",
  {
    id: uuid("id").primaryKey(),
    nominalId: nominalId(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    category: notificationCategory("category").notNull(),
    summary: text("summary").notNull(),
  },
  (table) => [index("police_notification_nominal_idx").on(table.nominalId, table.raisedAt)],
);

export const dashRisk = pgEnum("dash_risk", ["standard", "medium", "high"]);

/** One domestic abuse incident; who was involved, and how, is in `incident_involvement`. */
export const domesticAbuseIncident = pgTable("domestic_abuse_incident", {
  id: uuid("id").primaryKey(),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  dashRisk: dashRisk("dash_risk").notNull(),
  maracReferral: boolean("marac_referral").notNull(),
  summary: text("summary").notNull(),
});

export const incidentRole = pgEnum("incident_role", ["victim", "perpetrator", "child_present"]);

export const incidentInvolvement = pgTable(
  "incident_involvement",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => domesticAbuseIncident.id),
    nominalId: nominalId(),
    role: incidentRole("role").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.incidentId, table.nominalId, table.role] }),
    index("incident_involvement_nominal_idx").on(table.nominalId),
  ],
);

/** Home Office offence groups. */
export const offenceCategory = pgEnum("offence_category", [
  "violence_against_the_person",
  "sexual_offences",
  "robbery",
  "theft",
  "criminal_damage",
  "drug_offences",
  "possession_of_weapons",
  "public_order",
  "fraud",
]);

export const arrestOutcome = pgEnum("arrest_outcome", [
  "charged",
  "cautioned",
  "community_resolution",
  "released_under_investigation",
  "bailed",
  "no_further_action",
]);

/** An offence and, when there was one, the arrest for it (at most one, so kept on the same row). */
export const offence = pgTable(
  "offence",
  {
    id: uuid("id").primaryKey(),
    nominalId: nominalId(),
    committedOn: date("committed_on", { mode: "string" }).notNull(),
    category: offenceCategory("category").notNull(),
    description: text("description").notNull(),
    arrestedOn: date("arrested_on", { mode: "string" }),
    arrestOutcome: arrestOutcome("arrest_outcome"),
  },
  (table) => [
    // An arrest has both a date and an outcome, or there was none.
    check(
      "offence_arrest_complete",
      sql`(${table.arrestedOn} is null) = (${table.arrestOutcome} is null)`,
    ),
    index("offence_nominal_idx").on(table.nominalId, table.committedOn),
  ],
);

export const intelligenceAssessment = pgEnum("intelligence_assessment", ["a", "b", "c", "d", "e"]);
export const handlingCode = pgEnum("handling_code", ["p", "c"]);

/**
 * An intelligence item graded 3x5x2. Only the sanitised text is ever stored here: source-revealing
 * material never leaves the force's own intelligence system.
 */
export const intelligenceItem = pgTable(
  "intelligence_item",
  {
    id: uuid("id").primaryKey(),
    nominalId: nominalId(),
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    /** 1 reliable, 2 untested, 3 not reliable. */
    sourceEvaluation: smallint("source_evaluation").notNull(),
    intelligenceAssessment: intelligenceAssessment("intelligence_assessment").notNull(),
    handlingCode: handlingCode("handling_code").notNull(),
    sanitisedText: text("sanitised_text").notNull(),
  },
  (table) => [
    check("intelligence_item_source_evaluation", sql`${table.sourceEvaluation} between 1 and 3`),
    index("intelligence_item_nominal_idx").on(table.nominalId, table.recordedOn),
  ],
);
