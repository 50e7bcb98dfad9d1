import type { Database } from "@mash/platform/db/connect";
import type { MashSubjectTable, MatchCandidateTable } from "../db/match-tables.js";
import type { BlockingKeys } from "./blocking.js";
import type { AgencyIdentity } from "./identity.js";

/**
 * What the shared matching flow needs from one agency: its database, its two matching tables, and
 * two lookups into its own person table. The lookups are the only agency-specific SQL.
 */
export interface MatchingStore<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  mashSubject: MashSubjectTable;
  matchCandidate: MatchCandidateTable;
  /** One statement: the agency's person records sharing a blocking key with any of the keys. */
  findBlockedRecords(keys: readonly BlockingKeys[]): Promise<AgencyIdentity[]>;
  /** One statement (or one per table): the agency's person records with these ids. */
  loadRecords(recordIds: readonly string[]): Promise<AgencyIdentity[]>;
}
