import type { Database } from "@mash/platform/db/connect";
import { rowsByColumn } from "@mash/platform/db/row-loaders";
import type { AgencyMatching } from "@mash/record-linkage/agency-matching";
import { asc, desc, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { agencyTables, matchingAgencyTables } from "../db/agency-tables.js";

type AgencyTables = ReturnType<typeof agencyTables>;
type MatchingAgencyTables = ReturnType<typeof matchingAgencyTables>;

/** The agency's `subject_link` (see `subjectLinkTable`): its record id column is the agency's own. */
interface SubjectLinkTable extends PgTable {
  subjectId: PgColumn;
  recordId: PgColumn;
}

/** Every agency: its disclosures for each enquiry, newest first (`Enquiry.<agency>Disclosures`). */
export function agencyLoaders<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  tables: Pick<AgencyTables, "disclosure">,
) {
  return {
    disclosuresByEnquiry: rowsByColumn(db, tables.disclosure, tables.disclosure.enquiryId, [
      desc(tables.disclosure.decidedAt),
    ]),
  };
}

/**
 * A matching agency (police, health, probation), besides `agencyLoaders`: `Subject.<agency>Matches`,
 * each pair's history, and each subject's links to the agency's records (by default in record id
 * order), from which its section is read.
 */
export function matchingAgencyLoaders<
  TSchema extends Record<string, unknown>,
  TLink extends SubjectLinkTable,
>(
  db: Database<TSchema>,
  tables: Pick<MatchingAgencyTables, "disclosure"> & { subjectLink: TLink },
  matching: AgencyMatching,
  linkOrder: (PgColumn | SQL)[] = [asc(tables.subjectLink.recordId)],
) {
  return {
    ...agencyLoaders(db, tables),
    matchesBySubject: matching.matchesLoader(db),
    linkHistory: matching.historyLoader(db),
    linksBySubject: rowsByColumn(db, tables.subjectLink, tables.subjectLink.subjectId, linkOrder),
  };
}
