import {
  type AnyPgColumn,
  boolean,
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
import { nameKey } from "../matching/name-key-sql.js";
import type { MatchReason } from "../matching/score.js";

// Record matching keeps two tables in each matching agency's database (police, health, probation),
// built here once like `subject_link`. Each agency's schema module re-exports the enums, because
// drizzle-kit creates only the enums a schema module exports.

export const matchBand = pgEnum("match_band", ["certain", "probable", "possible"]);

/**
 * `auto_linked` is a CERTAIN match linked without a person; `pending` waits for the researcher;
 * `confirmed`, `rejected` and `revoked` (an existing link undone) record the researcher's decision,
 * which no later linkage run changes.
 */
export const matchStatus = pgEnum("match_status", [
  "pending",
  "auto_linked",
  "confirmed",
  "rejected",
  "revoked",
]);

/** What happened to a pair, as its history tells it. */
export const linkEventKind = pgEnum("link_event_kind", [
  "proposed",
  "auto_linked",
  "auto_link_withdrawn",
  "confirmed",
  "rejected",
  "revoked",
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
      index("mash_subject_name_key_idx").on(nameKey(table.familyName), nameKey(table.givenName)),
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
      /**
       * The record could be more than one subject (CERTAIN against two or more, or a rival born the
       * same day): the researcher decides between them; none is linked automatically.
       */
      conflict: boolean("conflict").notNull().default(false),
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

/**
 * Every change to a pair, in order: linkage proposing, linking or withdrawing an automatic link,
 * and each researcher's decision, with who, when, why and the score at the time. Rows are only ever
 * added: the history a researcher reads is the whole story of the link.
 */
export function linkEventTable() {
  return pgTable(
    "link_event",
    {
      id: uuid("id").primaryKey().defaultRandom(),
      subjectId: uuid("subject_id").notNull(),
      recordId: text("record_id").notNull(),
      kind: linkEventKind("kind").notNull(),
      score: real("score"),
      band: matchBand("band"),
      /** The researcher's principal id; null for linkage itself. */
      actor: text("actor"),
      reason: text("reason"),
      at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    },
    (table) => [
      index("link_event_pair_idx").on(table.subjectId, table.recordId),
      index("link_event_record_idx").on(table.recordId),
    ],
  );
}

export type MashSubjectTable = ReturnType<typeof mashSubjectTable>;
export type LinkEventTable = ReturnType<typeof linkEventTable>;
export type LinkEventRow = LinkEventTable["$inferInsert"];
export type MatchCandidateTable = ReturnType<typeof matchCandidateTable>;
export type MatchCandidateRow = MatchCandidateTable["$inferSelect"];
export type MashSubjectRow = MashSubjectTable["$inferSelect"];

/**
 * Where the agency is in social care's subject change feed (`subjectChanges`): one row per feed.
 * The cursor moves only after the page it ends was linked, so a crash re-links a page, never skips
 * one.
 */
export function subjectFeedTable() {
  return pgTable("subject_feed", {
    feed: text("feed").primaryKey(),
    cursor: text("cursor"),
    pulledAt: timestamp("pulled_at", { withTimezone: true }).notNull().defaultNow(),
  });
}

export type SubjectFeedTable = ReturnType<typeof subjectFeedTable>;
