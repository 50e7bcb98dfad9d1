import {
  linkEventTable,
  mashSubjectTable,
  matchCandidateTable,
  subjectFeedTable,
} from "@mash/record-linkage/match-tables";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { disclosureTable } from "../disclosure/disclosure-table.js";
import { importHistoryTable } from "../import/import-history-table.js";

// The tables every agency keeps beside its own records, each in its own database and with its own
// rows, built once here. An agency's schema module spreads them into its exports, and re-exports
// their enums from `agency-enums` (or `matching-agency-enums`): drizzle-kit creates only the
// tables and enums a schema module exports.

/** Every agency: its disclosures for MASH enquiries and the history of what imports replaced. */
export function agencyTables() {
  return {
    /** Disclosures for MASH enquiries: what the agency shared, or declined to, and why. */
    disclosure: disclosureTable(),
    /** The previous version of every record an import replaced. */
    importHistory: importHistoryTable(),
  };
}

/**
 * An agency that matches its person records to MASH subjects (police, health, probation): also
 * the identity each subject was last matched with, the pairs proposed and decided, every change to
 * a pair, and where the agency is in social care's subject change feed (see docs/matching.md). Which subject each record is, `subject_link`, the agency
 * declares itself (`subjectLinkTable`), typed by its own record id.
 *
 * @param record the agency's person id, which candidates refer to by foreign key.
 */
export function matchingAgencyTables(record: () => AnyPgColumn) {
  return {
    ...agencyTables(),
    mashSubject: mashSubjectTable(),
    matchCandidate: matchCandidateTable(record),
    linkEvent: linkEventTable(),
    /** Where the agency is in social care's subject change feed. */
    subjectFeed: subjectFeedTable(),
  };
}
