import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The previous version of every record an import changed: an import updates in place (the graph
 * reads current rows), and this table keeps what was replaced, by whom (the run) and when. Every
 * agency has the same table in its own database, as with disclosures.
 */
export function importHistoryTable() {
  return pgTable(
    "import_history",
    {
      id: bigserial("id", { mode: "number" }).primaryKey(),
      agency: text("agency").notNull(),
      recordType: text("record_type").notNull(),
      recordId: text("record_id").notNull(),
      /** The record as it was before the import replaced it, in the export format. */
      previous: jsonb("previous").notNull(),
      replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
      importRunId: uuid("import_run_id").notNull(),
    },
    (table) => [index("import_history_record_idx").on(table.recordType, table.recordId)],
  );
}

export type ImportHistoryTable = ReturnType<typeof importHistoryTable>;
