import { addressColumns } from "@mash/agency-kit/db/address-columns";
import { agencyTables } from "@mash/agency-kit/db/agency-tables";
import {
  personAliasColumns,
  personAliasIndexes,
  personColumns,
} from "@mash/agency-kit/db/person-record";
import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

// Social care's own database. It owns the MASH person record (`person`, exposed as `Subject`) and
// the person's history. Enum values are the lower-case forms of the SDL's enum values.

/** A 64-bit transaction id (`xid8`): ordered, and never reused, unlike the 32-bit `xid`. */
const transactionId = customType<{ data: string; driverData: string }>({
  dataType: () => "xid8",
});

// The enums of the tables every agency keeps: drizzle-kit creates only those exported.
export * from "@mash/agency-kit/db/agency-enums";

export const household = pgTable("household", {
  id: uuid("id").primaryKey(),
  ...addressColumns(),
});

export const person = pgTable(
  "person",
  {
    id: uuid("id").primaryKey(),
    ...personColumns(),
    nhsNumber: varchar("nhs_number", { length: 10 }),
    upn: varchar("upn", { length: 13 }),
    householdId: uuid("household_id").references(() => household.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The transaction that last created or changed the person or their aliases (set by triggers,
     * migration 0006): the order of `subjectChanges`, the feed agencies link new subjects from.
     */
    changedXid: transactionId("changed_xid").notNull().default(sql`pg_current_xact_id()`),
  },
  (table) => [
    // The subject change feed reads in (changed_xid, id) order.
    index("person_changed_idx").on(table.changedXid, table.id),
    // Keyset pagination runs over (family name, given name, id).
    index("person_name_order_idx").on(table.familyName, table.givenName, table.id),
    index("person_household_idx").on(table.householdId),
    index("person_date_of_birth_idx").on(table.dateOfBirth),
    index("person_postcode_idx").on(table.addressPostcode),
    index("person_nhs_number_idx").on(table.nhsNumber),
  ],
);

/** A row about a person: the person record, in the column `name`. */
const personId = (name = "person_id") =>
  uuid(name)
    .notNull()
    .references(() => person.id);

export const personAlias = pgTable(
  "person_alias",
  personAliasColumns("personId", personId()),
  (table) =>
    personAliasIndexes("person", { ...table, record: table.personId }, "person_alias_person_idx", {
      matched: false,
    }),
);

export const relationshipType = pgEnum("relationship_type", [
  "parent",
  "step_parent",
  "partner",
  "ex_partner",
  "sibling",
  "half_sibling",
  "grandparent",
  "other_relative",
  "lodger",
]);

/** `relatedPersonId` is the `type` of `personId` (a parent row names the person's parent). */
export const relationship = pgTable(
  "relationship",
  {
    id: serial("id").primaryKey(),
    personId: personId(),
    relatedPersonId: personId("related_person_id"),
    type: relationshipType("type").notNull(),
    livesTogether: boolean("lives_together").notNull(),
  },
  (table) => [index("relationship_person_idx").on(table.personId)],
);

export const referrerType = pgEnum("referrer_type", [
  "school",
  "police",
  "health_visitor",
  "gp",
  "hospital",
  "early_years",
  "housing",
  "probation",
  "family_member",
  "member_of_public",
  "anonymous",
  "self",
]);

export const concernCategory = pgEnum("concern_category", [
  "neglect",
  "physical_abuse",
  "emotional_abuse",
  "sexual_abuse",
  "domestic_abuse",
  "child_sexual_exploitation",
  "child_criminal_exploitation",
  "parental_mental_health",
  "parental_substance_misuse",
  "missing_from_home",
  "self_harm",
  "self_neglect",
  "financial_abuse",
]);

export const consentStatus = pgEnum("consent_status", ["given", "refused", "not_sought"]);

export const contactOutcome = pgEnum("contact_outcome", [
  "no_further_action",
  "information_and_advice",
  "early_help",
  "child_in_need_assessment",
  "strategy_discussion",
  "police_action",
  "adult_s42_enquiry",
  "forwarded_to_allocated_worker",
]);

export const contact = pgTable(
  "contact",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    referrerType: referrerType("referrer_type").notNull(),
    concern: concernCategory("concern").notNull(),
    summary: text("summary").notNull(),
    consent: consentStatus("consent").notNull(),
    consentReason: text("consent_reason"),
    outcome: contactOutcome("outcome").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("contact_person_idx").on(table.personId, table.receivedAt)],
);

export const cpCategory = pgEnum("cp_category", [
  "neglect",
  "physical_abuse",
  "emotional_abuse",
  "sexual_abuse",
  "multiple",
]);

export const childProtectionPlan = pgTable(
  "child_protection_plan",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    category: cpCategory("category").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    unborn: boolean("unborn").notNull().default(false),
  },
  (table) => [index("child_protection_plan_person_idx").on(table.personId)],
);

export const cinPrimaryNeed = pgEnum("cin_primary_need", [
  "n1",
  "n2",
  "n3",
  "n4",
  "n5",
  "n6",
  "n7",
  "n8",
  "n9",
]);

export const childInNeedEpisode = pgTable(
  "child_in_need_episode",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    primaryNeed: cinPrimaryNeed("primary_need").notNull(),
  },
  (table) => [index("child_in_need_episode_person_idx").on(table.personId)],
);

export const legalStatus = pgEnum("legal_status", [
  "c1",
  "c2",
  "e1",
  "j1",
  "j2",
  "l1",
  "l2",
  "v2",
  "v3",
]);

export const placementType = pgEnum("placement_type", [
  "foster",
  "kinship",
  "residential",
  "placed_with_parents",
  "independent_living",
]);

export const lookedAfterEpisode = pgTable(
  "looked_after_episode",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    legalStatus: legalStatus("legal_status").notNull(),
    placementType: placementType("placement_type").notNull(),
    /** The placement address: highly restricted. */
    ...addressColumns(),
  },
  (table) => [index("looked_after_episode_person_idx").on(table.personId)],
);

export const earlyHelpEpisode = pgTable(
  "early_help_episode",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    leadProfessional: text("lead_professional").notNull(),
    focus: text("focus").notNull(),
  },
  (table) => [index("early_help_episode_person_idx").on(table.personId)],
);

export const careActCategory = pgEnum("care_act_category", [
  "physical",
  "domestic",
  "sexual",
  "psychological",
  "financial",
  "modern_slavery",
  "discriminatory",
  "organisational",
  "neglect",
  "self_neglect",
]);

export const adultSafeguardingOutcome = pgEnum("adult_safeguarding_outcome", [
  "risk_removed",
  "risk_reduced",
  "risk_remains",
  "no_further_action",
  "ongoing",
]);

export const adultSafeguardingConcern = pgTable(
  "adult_safeguarding_concern",
  {
    id: uuid("id").primaryKey(),
    personId: personId(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    category: careActCategory("category").notNull(),
    s42Enquiry: boolean("s42_enquiry").notNull(),
    outcome: adultSafeguardingOutcome("outcome").notNull(),
  },
  (table) => [index("adult_safeguarding_concern_person_idx").on(table.personId)],
);

/** An open case and its allocated worker; at most one per person. */
export const allocation = pgTable("allocation", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => person.id),
  workerName: text("worker_name").notNull(),
  team: text("team").notNull(),
  since: date("since", { mode: "string" }).notNull(),
});

// The MASH enquiry (the purpose practitioners declare) and who takes part in it. The workflow
// (rating, agency checks, decision) builds on these tables.

export const enquiryStatus = pgEnum("enquiry_status", ["open", "rated", "decided", "closed"]);
export const enquiryRating = pgEnum("enquiry_rating", ["red", "amber", "green", "blue"]);

export const enquiry = pgTable(
  "enquiry",
  {
    id: uuid("id").primaryKey(),
    subjectId: personId("subject_id"),
    status: enquiryStatus("status").notNull().default("open"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedBy: text("opened_by").notNull(),
    // The workflow (docs/workflow.md). Enquiries seeded before it have no contact.
    contactId: uuid("contact_id"),
    /** Optimistic concurrency: every workflow write checks and bumps it. */
    version: integer("version").notNull().default(1),
    rating: enquiryRating("rating"),
    /** When agency checks were requested: when the enquiry was opened. */
    checksRequestedAt: timestamp("checks_requested_at", { withTimezone: true }),
    /** The current rating's deadline for agency checks. */
    checksDueAt: timestamp("checks_due_at", { withTimezone: true }),
    /**
     * The agencies asked to check (the SDL's Agency values, lower case), chosen when the enquiry
     * is opened; enquiries from before the choice asked every agency.
     */
    requestedAgencies: text("requested_agencies")
      .array()
      .notNull()
      .default(sql`'{social_care,police,health,probation}'::text[]`),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by"),
  },
  (table) => [
    index("enquiry_subject_idx").on(table.subjectId),
    // One enquiry per contact, even when two workers open it at once.
    uniqueIndex("enquiry_contact_idx").on(table.contactId),
    index("enquiry_queue_idx").on(table.status, table.checksDueAt),
  ],
);

export const enquiryParticipant = pgTable(
  "enquiry_participant",
  {
    enquiryId: uuid("enquiry_id")
      .notNull()
      .references(() => enquiry.id),
    principalId: text("principal_id").notNull(),
    agency: text("agency").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.enquiryId, table.principalId] }),
    index("enquiry_participant_principal_idx").on(table.principalId),
  ],
);

export const breakGlassReviewStatus = pgEnum("break_glass_review_status", [
  "pending",
  "upheld",
  "not_upheld",
]);

/** Time-limited access to one subject's restricted items, with its reason; reviewed afterwards. */
export const breakGlassGrant = pgTable(
  "break_glass_grant",
  {
    id: uuid("id").primaryKey(),
    principalId: text("principal_id").notNull(),
    principalAgency: text("principal_agency").notNull(),
    subjectId: personId("subject_id"),
    enquiryId: uuid("enquiry_id")
      .notNull()
      .references(() => enquiry.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewStatus: breakGlassReviewStatus("review_status").notNull().default("pending"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
  },
  (table) => [
    index("break_glass_grant_principal_idx").on(table.principalId, table.enquiryId),
    index("break_glass_grant_review_idx").on(table.reviewStatus),
  ],
);

// Social care's own disclosures for MASH enquiries, and the history of what imports replaced
// (every agency keeps the same tables).
export const { disclosure, importHistory } = agencyTables();

// The MASH workflow (docs/workflow.md): contacts as referrers submit them, the people they name,
// the enquiry's rating history, the people checks are requested for, and the decision.

export const mashContactStatus = pgEnum("mash_contact_status", [
  "awaiting_screening",
  "routed_to_allocated_worker",
  "in_enquiry",
  "decided",
]);
export const consentDecision = pgEnum("consent_decision", [
  "given",
  "not_sought",
  "refused_overridden",
]);
export const contactPersonRole = pgEnum("contact_person_role", [
  "subject",
  "household_member",
  "other",
]);

/** A contact as a referrer submitted it through the graph (history lives in `contact`). */
export const mashContact = pgTable(
  "mash_contact",
  {
    id: uuid("id").primaryKey(),
    referrerId: text("referrer_id").notNull(),
    referrerAgency: text("referrer_agency").notNull(),
    /** Per referrer: a retried submission with the same key returns the first contact. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the canonical input: the same key with another payload is refused. */
    payloadHash: text("payload_hash").notNull(),
    referrerName: text("referrer_name").notNull(),
    referrerRole: text("referrer_role").notNull(),
    referrerOrganisation: text("referrer_organisation").notNull(),
    referrerType: referrerType("referrer_type").notNull(),
    referrerPhone: text("referrer_phone"),
    referrerEmail: text("referrer_email"),
    concern: concernCategory("concern").notNull(),
    summary: text("summary").notNull(),
    consent: consentDecision("consent").notNull(),
    consentReason: text("consent_reason"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    status: mashContactStatus("status").notNull(),
    /** The subject's person record, when it matched one on submission. */
    subjectPersonId: uuid("subject_person_id").references(() => person.id),
    routedToWorker: text("routed_to_worker"),
    routedToTeam: text("routed_to_team"),
  },
  (table) => [
    uniqueIndex("mash_contact_idempotency_idx").on(table.referrerId, table.idempotencyKey),
    index("mash_contact_status_idx").on(table.status, table.receivedAt),
    index("mash_contact_subject_idx").on(table.subjectPersonId, table.receivedAt),
  ],
);

/** A person a contact names: the subject, a household member or another named person. */
export const mashContactPerson = pgTable(
  "mash_contact_person",
  {
    id: serial("id").primaryKey(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => mashContact.id),
    position: integer("position").notNull(),
    role: contactPersonRole("role").notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    nhsNumber: varchar("nhs_number", { length: 10 }),
    relationshipToSubject: text("relationship_to_subject"),
    ...addressColumns(),
    /** The MASH person record: matched on submission, or created when the enquiry opens. */
    personId: uuid("person_id").references(() => person.id),
  },
  (table) => [index("mash_contact_person_contact_idx").on(table.contactId, table.position)],
);

/** Every rating an enquiry was given: who, when, why, from what to what. Never changed. */
export const enquiryRatingChange = pgTable(
  "enquiry_rating_change",
  {
    id: serial("id").primaryKey(),
    enquiryId: uuid("enquiry_id")
      .notNull()
      .references(() => enquiry.id),
    fromRating: enquiryRating("from_rating"),
    toRating: enquiryRating("to_rating").notNull(),
    rationale: text("rationale").notNull(),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
  },
  (table) => [index("enquiry_rating_change_enquiry_idx").on(table.enquiryId, table.changedAt)],
);

/** The people agency checks are requested for when an enquiry opens. */
export const enquiryCheckSubject = pgTable(
  "enquiry_check_subject",
  {
    enquiryId: uuid("enquiry_id")
      .notNull()
      .references(() => enquiry.id),
    personId: personId(),
    role: contactPersonRole("role").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.enquiryId, table.personId] }),
    index("enquiry_check_subject_person_idx").on(table.personId),
  ],
);

export const enquiryOutcome = pgEnum("enquiry_outcome", [
  "no_further_action",
  "advice",
  "early_help",
  "child_in_need_assessment_s17",
  "strategy_discussion_s47",
  "police_action",
  "adult_s42_enquiry",
  "forward_to_allocated_worker",
]);

/** The MASH manager's decision on an enquiry: one per enquiry. */
export const enquiryDecision = pgTable("enquiry_decision", {
  enquiryId: uuid("enquiry_id")
    .primaryKey()
    .references(() => enquiry.id),
  outcome: enquiryOutcome("outcome").notNull(),
  rationale: text("rationale").notNull(),
  referrerFeedback: text("referrer_feedback").notNull(),
  /** Agencies whose checks were outstanding when the decision was made (derived, see decide-enquiry). */
  outstandingAgencies: jsonb("outstanding_agencies").$type<string[]>().notNull().default([]),
  outstandingChecksOverrideReason: text("outstanding_checks_override_reason"),
  decidedBy: text("decided_by").notNull(),
  decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
});

/**
 * Secrets social care keeps for itself, made in its own database (so every replica has the same
 * ones and nothing needs configuring): `decision-basis` signs `Enquiry.decisionBasis` tokens.
 * The migration that creates the table also creates the secret, from PostgreSQL's strong random
 * source; nothing else ever writes here.
 */
export const workflowSecret = pgTable("workflow_secret", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
});
