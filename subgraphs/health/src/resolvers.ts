import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import {
  linkedRecordIds,
  loadLinkedRecords,
  loadLinkedSection,
} from "@mash/agency-kit/graphql/linked-records";
import { matchingAgencyResolvers } from "@mash/agency-kit/subgraph/matching-agency-resolvers";
import { aboutParentSubject, aboutSubject } from "@mash/platform/authorization/purpose-scope";
import type {
  CamhsInvolvementResolvers,
  HealthSectionResolvers,
  Resolvers,
} from "./__generated__/resolvers-types.js";
import type { HealthContext } from "./context.js";
import * as tables from "./db/schema.js";
import { emergencyAttendanceDates } from "./early-warning-dates.js";
import { historyLists, loadHistory } from "./health-history.js";
import { summarise } from "./health-summary.js";
import { healthImport } from "./import/health-import.js";
import { healthMatching } from "./matching.js";
import type { SectionParent } from "./resolver-parents.js";

/** A detail list of the section: the rows of every linked record, newest first. */
function sectionList<K extends keyof typeof historyLists>(list: K) {
  return (section: SectionParent, _args: unknown, ctx: HealthContext) =>
    historyLists[list](ctx, linkedRecordIds(section));
}

const shared = matchingAgencyResolvers({
  agency: "health",
  matching: healthMatching,
  agencyImport: healthImport,
  disclosure: tables.disclosure,
  recordIdField: "patientId",
});

export const resolvers: Resolvers = {
  ...shared,
  Subject: {
    ...shared.Subject,
    health: (subject, _args, ctx) => loadLinkedSection(ctx.loaders.linksBySubject, subject.id),
    healthEmergencyAttendanceDates: aboutSubject(
      (subject) => subject.id,
      (subject, _args, ctx) => emergencyAttendanceDates(ctx, subject.id),
    ),
  },

  // The section's parent names its subject: every purpose-bound field is about that person.
  HealthSection: aboutParentSubject<HealthSectionResolvers>({
    known: (section) => section.links.length > 0,
    summary: async (section, _args, ctx) =>
      summarise(await loadHistory(ctx, linkedRecordIds(section)), ctx.now),
    // HealthPatient shows no link, so the one each record carries goes unused.
    patients: (section, _args, ctx) => loadLinkedRecords(ctx.loaders.patientById, section),
    gpRegistrations: sectionList("gpRegistrations"),
    cpisFlags: sectionList("cpisFlags"),
    unscheduledCareAttendances: sectionList("unscheduledCareAttendances"),
    communityHealthContacts: sectionList("communityHealthContacts"),
    maternityEpisodes: sectionList("maternityEpisodes"),
    // Each involvement carries its subject: clinical notes are released only under break-glass for
    // that subject, which the subgraph checks record by record.
    camhsInvolvements: async (section, _args, ctx) =>
      (await historyLists.camhsInvolvements(ctx, linkedRecordIds(section))).map((row) => ({
        ...row,
        subjectId: section.subjectId,
      })),
  }),

  // Clinical notes are released only under break-glass for the involvement's own subject.
  CamhsInvolvement: aboutParentSubject<CamhsInvolvementResolvers>({
    clinicalNotes: (row) => row.clinicalNotes ?? null,
  }),

  HealthPatient: {
    name: (row) => row,
    aliases: (row, _args, ctx) => ctx.loaders.aliasesByPatient.load(row.id),
    address: (row) => addressFromRow(row),
  },

  GpRegistration: {
    practice: (row) => ({ code: row.practiceCode, name: row.practiceName }),
  },

  CpisFlag: {
    localAuthority: (row) => ({
      name: row.localAuthorityName,
      code: row.localAuthorityCode,
      officeHoursPhone: row.localAuthorityOfficeHoursPhone,
      outOfHoursPhone: row.localAuthorityOutOfHoursPhone,
    }),
    accesses: (row, _args, ctx) => ctx.loaders.cpisAccessesByFlag.load(row.id),
  },
};
