import type { ColumnBuilderBaseConfig } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  type PgVarcharBuilder,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// Every agency but social care keeps its own `subject_link`: there is no common key across
// agencies, so which of its records are which MASH subject is a decision each agency owns (and can
// revoke). The tables differ only in the agency's record id, so they are built here, once, and the
// generated SQL stays what each agency's migrations already create.

/**
 * How a MASH subject came to be linked to an agency record. Each agency's schema module re-exports
 * it: drizzle-kit creates only the enums a schema module exports, and would drop this one otherwise.
 */
export const linkSource = pgEnum("link_source", ["auto_match", "researcher_confirmed"]);

/** Agency record ids are short codes ("NOM…", "PT…", a CRN), each agency with its own length. */
type RecordIdConfig = ColumnBuilderBaseConfig<"string", "PgVarchar"> & {
  length?: number | undefined;
};

/**
 * An agency's `subject_link` table: which MASH subject each of its person records is. A subject may
 * link to several records (within-agency duplicates), so the key is the pair.
 *
 * @param recordIdColumn the agency's id column type, given the column name (e.g. the CRN column).
 * @param record the agency's person id the link refers to, by foreign key.
 */
export function subjectLinkTable<TConfig extends RecordIdConfig>(
  recordIdColumn: (name: "record_id") => PgVarcharBuilder<TConfig>,
  record: () => AnyPgColumn,
) {
  return pgTable(
    "subject_link",
    {
      /** The MASH subject id (social care's person id); no foreign key, it lives in another database. */
      subjectId: uuid("subject_id").notNull(),
      recordId: recordIdColumn("record_id").notNull().references(record),
      source: linkSource("source").notNull(),
      linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
      /** Who confirmed the link; null for automatic links. */
      linkedBy: text("linked_by"),
    },
    (table) => [
      primaryKey({ columns: [table.subjectId, table.recordId] }),
      // "Which subject is this record?" when a researcher starts from the agency's record.
      index("subject_link_record_idx").on(table.recordId),
    ],
  );
}
