import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { MatchReason } from "../matching/score.js";

// Record matching keeps two tables in each matching agency's database (police, health, probation),
// built here once like `subject_link`. Each agency's schema module re-exports the enums, because
// drizzle-kit creates only the enums a schema module exports.

export const matchBand = pgEnum("match_band", ["certain", "probable", "possible"]);

/** `auto_linked` is a CERTAIN match linked without a person; the rest wait for, or record, one. */
export const matchStatus = pgEnum("match_status", [
  "pending",
  "auto_linked",
  "confirmed",
  "rejected",
]);

/** A name as stored in `mash_subject.aliases`. */
export interface StoredAlias {
  givenName: string;
  familyName: string;
}

/**
 * The identity of each MASH subject as the agency last saw it (social care owns the subject; this is
 * the agency's copy, refreshed whenever the subject is matched). Indexed like the agency's own person
 * table, so records imported later are matched against the known subjects by blocking, not by scan.
 */
export function mashSubjectTable() {
  return pgTable(
    "mash_subject",
    {
      subjectId: uuid("subject_id").primaryKey(),
      givenName: text("given_name"),
      middleNames: text("middle_names").array().notNull().default([]),
      familyName: text("family_name"),
      aliases: jsonb("aliases").$type<StoredAlias[]>().notNull().default([]),
      dateOfBirth: date("date_of_birth", { mode: "string" }),
      sex: text("sex"),
      addressLine1: text("address_line1"),
      addressPostcode: text("address_postcode"),
      /** The agency's key for the person, when social care holds it (health: the NHS number). */
      strongIdentifier: text("strong_identifier"),
      lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => [
      index("mash_subject_date_of_birth_idx").on(table.dateOfBirth),
      index("mash_subject_postcode_idx").on(table.addressPostcode),
      index("mash_subject_strong_identifier_idx").on(table.strongIdentifier),
      index("mash_subject_name_idx").on(
        sql`upper(${table.familyName})`,
        sql`upper(${table.givenName})`,
      ),
    ],
  );
}

/**
 * A pair the matcher proposed: one MASH subject and one agency record, with the score, band and
 * reasons, and what the agency's researcher decided. One row per pair, ever: a rejected pair stays
 * rejected and is never proposed again; a confirmed one is the link's history.
 */
export function matchCandidateTable(record: () => AnyPgColumn) {
  return pgTable(
    "match_candidate",
    {
      id: uuid("id").primaryKey().defaultRandom(),
      subjectId: uuid("subject_id").notNull(),
      /** The agency's person record id (nominal id, patient id, CRN). */
      recordId: text("record_id").notNull().references(record),
      score: real("score").notNull(),
      band: matchBand("band").notNull(),
      reasons: jsonb("reasons").$type<MatchReason[]>().notNull(),
      status: matchStatus("status").notNull().default("pending"),
      proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
      decidedAt: timestamp("decided_at", { withTimezone: true }),
      /** The researcher's principal id; null for automatic links and undecided pairs. */
      decidedBy: text("decided_by"),
      decisionReason: text("decision_reason"),
    },
    (table) => [
      uniqueIndex("match_candidate_pair_idx").on(table.subjectId, table.recordId),
      index("match_candidate_record_idx").on(table.recordId),
    ],
  );
}

export type MashSubjectTable = ReturnType<typeof mashSubjectTable>;
export type MatchCandidateTable = ReturnType<typeof matchCandidateTable>;
export type MatchCandidateRow = MatchCandidateTable["$inferSelect"];
export type MashSubjectRow = MashSubjectTable["$inferSelect"];
