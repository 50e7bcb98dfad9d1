import type { Database } from "@mash/platform/db/connect";
import { rowByColumn, rowsByColumn } from "@mash/platform/db/row-loaders";
import { manyByKey } from "@mash/platform/graphql/batch-loaders";
import { desc, eq, inArray } from "drizzle-orm";
import * as tables from "./db/schema.js";
import { policeMatching } from "./matching.js";

export type PoliceDatabase = Database<typeof tables>;

export type IncidentRow = typeof tables.domesticAbuseIncident.$inferSelect;
export type IncidentRoleValue = (typeof tables.incidentRole.enumValues)[number];

/** One nominal's part in one incident, with the incident itself. */
export interface NominalIncident {
  nominalId: string;
  role: IncidentRoleValue;
  incident: IncidentRow;
}

/**
 * Incidents by nominal, joined to their involvement rows: one statement per batch covers both
 * tables, because an incident is only ever wanted through a nominal's involvement in it.
 */
function incidentsByNominal(db: PoliceDatabase) {
  const { domesticAbuseIncident, incidentInvolvement } = tables;
  return manyByKey<string, NominalIncident>(
    (nominalIds) =>
      db
        .select({
          nominalId: incidentInvolvement.nominalId,
          role: incidentInvolvement.role,
          incident: domesticAbuseIncident,
        })
        .from(incidentInvolvement)
        .innerJoin(
          domesticAbuseIncident,
          eq(domesticAbuseIncident.id, incidentInvolvement.incidentId),
        )
        .where(inArray(incidentInvolvement.nominalId, [...nominalIds])),
    (row) => row.nominalId,
  );
}

/**
 * One DataLoader per lookup a resolver makes. Built fresh for every request, so a request batches
 * its own lookups (N subjects cost one statement per table) and never sees another caller's cache.
 * Per-nominal lists come back unordered: a subject's section merges several nominals and sorts the
 * merged list itself.
 */
export function createLoaders(db: PoliceDatabase) {
  return {
    matchesBySubject: policeMatching.matchesLoader(db),
    linkHistory: policeMatching.historyLoader(db),
    disclosuresByEnquiry: rowsByColumn(db, tables.disclosure, tables.disclosure.enquiryId, [
      desc(tables.disclosure.decidedAt),
    ]),
    linksBySubject: rowsByColumn(db, tables.subjectLink, tables.subjectLink.subjectId, [
      tables.subjectLink.recordId,
    ]),
    nominalById: rowByColumn(db, tables.nominal, tables.nominal.id),
    aliasesByNominal: rowsByColumn(db, tables.nominalAlias, tables.nominalAlias.nominalId, [
      tables.nominalAlias.id,
    ]),
    warningMarkersByNominal: rowsByColumn(db, tables.warningMarker, tables.warningMarker.nominalId),
    notificationsByNominal: rowsByColumn(
      db,
      tables.policeNotification,
      tables.policeNotification.nominalId,
    ),
    incidentsByNominal: incidentsByNominal(db),
    offencesByNominal: rowsByColumn(db, tables.offence, tables.offence.nominalId),
    intelligenceByNominal: rowsByColumn(
      db,
      tables.intelligenceItem,
      tables.intelligenceItem.nominalId,
    ),
  };
}

export type PoliceLoaders = ReturnType<typeof createLoaders>;
