import type { Database } from "@mash/platform/db/connect";
import { rowByColumn, rowsByColumn } from "@mash/platform/db/row-loaders";
import { asc, desc } from "drizzle-orm";
import * as tables from "./db/schema.js";
import { probationMatching } from "./matching.js";

export type ProbationDatabase = Database<typeof tables>;

/**
 * One DataLoader per lookup a resolver makes. Built fresh for every request, so a request batches
 * its own lookups (N subjects cost one statement per table) and never sees another caller's cache.
 */
export function createLoaders(db: ProbationDatabase) {
  return {
    matchesBySubject: probationMatching.matchesLoader(db),
    linkHistory: probationMatching.historyLoader(db),
    disclosuresByEnquiry: rowsByColumn(db, tables.disclosure, tables.disclosure.enquiryId, [
      desc(tables.disclosure.decidedAt),
    ]),
    linksBySubject: rowsByColumn(db, tables.subjectLink, tables.subjectLink.subjectId, [
      asc(tables.subjectLink.linkedAt),
      asc(tables.subjectLink.recordId),
    ]),
    offenderByCrn: rowByColumn(db, tables.offender, tables.offender.crn),
    aliasesByCrn: rowsByColumn(db, tables.offenderAlias, tables.offenderAlias.crn, [
      asc(tables.offenderAlias.id),
    ]),
    casesByCrn: rowsByColumn(db, tables.probationCase, tables.probationCase.crn, [
      desc(tables.probationCase.startDate),
      asc(tables.probationCase.id),
    ]),
    conditionsByCase: rowsByColumn(db, tables.licenceCondition, tables.licenceCondition.caseId, [
      asc(tables.licenceCondition.position),
    ]),
    protectedPersonByCondition: rowByColumn(
      db,
      tables.protectedPerson,
      tables.protectedPerson.conditionId,
    ),
  };
}

export type ProbationLoaders = ReturnType<typeof createLoaders>;
