import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const disclosureDecision = pgEnum("disclosure_decision", [
  "shared",
  "nothing_known",
  "declined",
]);

/** The lawful bases a MASH disclosure relies on (the lower-case forms of the SDL's values). */
export const lawfulBasis = pgEnum("lawful_basis", [
  "uk_gdpr_art_6_1_c_legal_obligation",
  "uk_gdpr_art_6_1_e_public_task",
  "uk_gdpr_art_9_2_g_substantial_public_interest",
  "uk_gdpr_art_9_2_h_health_and_social_care",
  "dpa_2018_sch_1_para_18_safeguarding",
  "dpa_2018_sch_1_para_10_crime",
]);

/**
 * An agency's disclosure for a MASH enquiry: what it shared (its practitioner's summary and the
 * records it chose), or that it knows nothing, or that it declines and why — with the lawful basis,
 * who decided and when. Each agency keeps its own, in its own database: the decision is the
 * agency's. Records are never updated: a changed decision is a new disclosure.
 */
export function disclosureTable() {
  return pgTable(
    "disclosure",
    {
      id: uuid("id").primaryKey(),
      enquiryId: uuid("enquiry_id").notNull(),
      subjectIds: uuid("subject_ids").array().notNull(),
      decision: disclosureDecision("decision").notNull(),
      summary: text("summary"),
      sharedRecordIds: text("shared_record_ids").array().notNull(),
      lawfulBasis: lawfulBasis("lawful_basis").array().notNull(),
      declineReason: text("decline_reason"),
      recipients: text("recipients").notNull(),
      decidedBy: text("decided_by").notNull(),
      decidedByAgency: text("decided_by_agency").notNull(),
      decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    },
    (table) => [index("disclosure_enquiry_idx").on(table.enquiryId, table.decidedAt)],
  );
}
