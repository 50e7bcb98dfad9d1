import { addressColumns } from "@mash/agency-kit/db/address-columns";
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
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// Probation's own database (nDelius, OASys and ViSOR in one place). Its person record is the offender,
// keyed by CRN; `subject_link` says which MASH subject each offender record is. Enum values are the
// lower-case forms of the SDL's enum values.

// The enums of the tables every matching agency keeps: drizzle-kit creates only those exported.
export * from "@mash/agency-kit/db/matching-agency-enums";

/** nDelius CRN: one letter and six digits. */
const crn = (name: string) => varchar(name, { length: 7 });

export const offender = pgTable(
  "offender",
  {
    crn: crn("crn").primaryKey(),
    ...personColumns(),
    /** Long form YYYY/NNNNNNNC, when probation holds it. */
    pncId: varchar("pnc_id", { length: 13 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Researchers search by name and date of birth, and by PNC ID when the referral carries one.
    index("offender_name_idx").on(table.familyName, table.givenName),
    index("offender_pnc_id_idx").on(table.pncId),
    // Record matching blocks on date of birth, postcode and (case-blind) name.
    ...matchingIndexes("offender", table),
  ],
);

/** A row of the offender's: the offender record it belongs to, by CRN. */
const offenderCrn = () =>
  crn("crn")
    .notNull()
    .references(() => offender.crn);

export const offenderAlias = pgTable(
  "offender_alias",
  personAliasColumns("crn", offenderCrn()),
  (table) =>
    personAliasIndexes("offender", { ...table, record: table.crn }, "offender_alias_crn_idx"),
);

/**
 * Which MASH subject (social care's id, in another database, so no foreign key) each offender record
 * is. Probation owns its side of the match; one subject may link to several records (duplicates).
 */
export const subjectLink = subjectLinkTable(crn, () => offender.crn);

// Disclosures, import history and record matching: the same tables in every matching agency.
export const { disclosure, importHistory, mashSubject, matchCandidate, linkEvent, subjectFeed } =
  matchingAgencyTables(() => offender.crn);

export const supervisionType = pgEnum("supervision_type", [
  "licence",
  "post_sentence_supervision",
  "community_order",
  "suspended_sentence_order",
]);

export const mappaCategory = pgEnum("mappa_category", ["category_1", "category_2", "category_3"]);
export const mappaLevel = pgEnum("mappa_level", ["level_1", "level_2", "level_3"]);
export const roshLevel = pgEnum("rosh_level", ["low", "medium", "high", "very_high"]);

/**
 * A period of supervision, with the MAPPA registration and the latest OASys risk of serious harm
 * assessment that apply to it (one of each per case, so they are columns rather than tables).
 */
export const probationCase = pgTable(
  "probation_case",
  {
    id: uuid("id").primaryKey(),
    crn: offenderCrn(),
    supervisionType: supervisionType("supervision_type").notNull(),
    offenderManager: text("offender_manager").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    indexOffence: text("index_offence").notNull(),
    mappaCategory: mappaCategory("mappa_category"),
    mappaLevel: mappaLevel("mappa_level"),
    roshOverall: roshLevel("rosh_overall").notNull(),
    roshChildren: roshLevel("rosh_children").notNull(),
    roshPublic: roshLevel("rosh_public").notNull(),
    roshKnownAdult: roshLevel("rosh_known_adult").notNull(),
    roshStaff: roshLevel("rosh_staff").notNull(),
  },
  (table) => [
    index("probation_case_crn_idx").on(table.crn, table.startDate),
    check("probation_case_dates_check", sql`${table.endDate} >= ${table.startDate}`),
    // A MAPPA registration has both a category and a level, or the case has none.
    check(
      "probation_case_mappa_check",
      sql`(${table.mappaCategory} is null) = (${table.mappaLevel} is null)`,
    ),
  ],
);

export const licenceConditionType = pgEnum("licence_condition_type", [
  "no_contact",
  "exclusion_zone",
  "residence",
  "drug_testing",
  "programme",
  "curfew",
  "non_association",
]);

export const licenceCondition = pgTable(
  "licence_condition",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => probationCase.id),
    /** The order the conditions appear in on the licence or order. */
    position: integer("position").notNull(),
    type: licenceConditionType("type").notNull(),
    description: text("description").notNull(),
  },
  (table) => [index("licence_condition_case_idx").on(table.caseId, table.position)],
);

/**
 * The person a no-contact or exclusion condition protects. Highly restricted (S4): a table of its
 * own so that it can be guarded, audited and purged separately from the condition.
 */
export const protectedPerson = pgTable("protected_person", {
  conditionId: uuid("condition_id")
    .primaryKey()
    .references(() => licenceCondition.id),
  givenName: text("given_name").notNull(),
  familyName: text("family_name").notNull(),
  ...addressColumns(),
});
