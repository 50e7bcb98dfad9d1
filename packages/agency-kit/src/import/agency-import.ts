import type { Database } from "@mash/platform/db/connect";
import type { ImportHistoryTable } from "./import-history-table.js";
import type { RecordType } from "./record-type.js";

/**
 * What linkage reports after an import: links made, candidates put to a researcher, records that
 * could be more than one subject (conflicts), and records matching no subject.
 */
export interface MatchCounts {
  linked: number;
  proposed: number;
  conflicts: number;
  unmatched: number;
}

/** Called after each batch with the agency person ids it created or changed. */
export type AfterImport = (personIds: string[]) => Promise<MatchCounts>;

/**
 * Everything the engine needs to import into, and export from, one agency's database. Each agency
 * builds one in its `src/import/` folder from its own tables.
 */
export interface AgencyImport<TSchema extends Record<string, unknown>> {
  agency: string;
  /** In dependency order: a record may refer only to types listed before it (or to itself). */
  recordTypes: readonly RecordType[];
  historyTable: ImportHistoryTable;
  /** Matching after import, over the agency's own database. */
  afterImport(db: Database<TSchema>): AfterImport;
}

export const NO_MATCHES: MatchCounts = { linked: 0, proposed: 0, conflicts: 0, unmatched: 0 };
