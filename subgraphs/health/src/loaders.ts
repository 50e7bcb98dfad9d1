import type { Database } from "@mash/platform/db/connect";
import { rowByColumn, rowsByColumn } from "@mash/platform/db/row-loaders";
import { asc, desc } from "drizzle-orm";
import * as tables from "./db/schema.js";
import { healthMatching } from "./matching.js";

export type HealthDatabase = Database<typeof tables>;

/**
 * One DataLoader per lookup a resolver makes. Built fresh for every request, so a request batches
 * its own lookups (N subjects cost one statement per table) and never sees another caller's cache.
 * Every lookup but the first is keyed by health's patient id: a subject's section gathers the
 * rows of all the records linked to it.
 */
export function createLoaders(db: HealthDatabase) {
  return {
    matchesBySubject: healthMatching.matchesLoader(db),
    linkHistory: healthMatching.historyLoader(db),
    disclosuresByEnquiry: rowsByColumn(db, tables.disclosure, tables.disclosure.enquiryId, [
      desc(tables.disclosure.decidedAt),
    ]),
    linksBySubject: rowsByColumn(db, tables.subjectLink, tables.subjectLink.subjectId, [
      asc(tables.subjectLink.recordId),
    ]),
    patientById: rowByColumn(db, tables.patient, tables.patient.id),
    aliasesByPatient: rowsByColumn(db, tables.patientAlias, tables.patientAlias.patientId, [
      asc(tables.patientAlias.id),
    ]),
    gpRegistrationsByPatient: rowsByColumn(
      db,
      tables.gpRegistration,
      tables.gpRegistration.patientId,
      [desc(tables.gpRegistration.registeredOn)],
    ),
    cpisFlagsByPatient: rowsByColumn(db, tables.cpisFlag, tables.cpisFlag.patientId, [
      desc(tables.cpisFlag.startDate),
    ]),
    cpisAccessesByFlag: rowsByColumn(db, tables.cpisAccess, tables.cpisAccess.flagId, [
      desc(tables.cpisAccess.accessedAt),
    ]),
    unscheduledCareByPatient: rowsByColumn(
      db,
      tables.unscheduledCareAttendance,
      tables.unscheduledCareAttendance.patientId,
      [desc(tables.unscheduledCareAttendance.attendedAt)],
    ),
    communityContactsByPatient: rowsByColumn(
      db,
      tables.communityHealthContact,
      tables.communityHealthContact.patientId,
      [desc(tables.communityHealthContact.contactDate)],
    ),
    maternityByPatient: rowsByColumn(
      db,
      tables.maternityEpisode,
      tables.maternityEpisode.patientId,
      [desc(tables.maternityEpisode.bookingDate)],
    ),
    camhsByPatient: rowsByColumn(db, tables.camhsInvolvement, tables.camhsInvolvement.patientId, [
      desc(tables.camhsInvolvement.referredOn),
    ]),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
