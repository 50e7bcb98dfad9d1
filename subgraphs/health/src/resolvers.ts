import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import { agencyCheckResolvers } from "@mash/agency-kit/disclosure/agency-check-resolvers";
import {
  enquiryCheckReference,
  loadAgencyCheck,
} from "@mash/agency-kit/disclosure/enquiry-check-reference";
import { recordDisclosure } from "@mash/agency-kit/disclosure/record-disclosure";
import {
  linkedRecordIds,
  loadLinkedRecords,
  loadLinkedSection,
} from "@mash/agency-kit/graphql/linked-records";
import { importFromMutation } from "@mash/agency-kit/import/import-mutation";
import {
  aboutEnquiry,
  aboutParentSubject,
  aboutSubject,
  scopedByArguments,
} from "@mash/platform/authorization/purpose-scope";
import { subjectReference } from "@mash/platform/graphql/ids";
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

export const resolvers: Resolvers = {
  Enquiry: {
    // Keeps the `@requires` fields (checksRequestedAt, checksDueAt) the gateway sends along.
    __resolveReference: enquiryCheckReference,
    // Everyone on the enquiry may see where the check stands (see docs/agency-checks.md).
    healthCheck: (enquiry, _args, ctx) =>
      loadAgencyCheck("health", enquiry, ctx.loaders.disclosuresByEnquiry, ctx.now),
    // Read only under the enquiry itself: the declared purpose must be this enquiry.
    healthDisclosures: aboutEnquiry(
      (enquiry) => enquiry.id,
      (enquiry, _args, ctx) => ctx.loaders.disclosuresByEnquiry.load(enquiry.id),
    ),
  },

  AgencyCheck: agencyCheckResolvers,

  Query: {
    healthReviewQueue: (_root, { first, offset }, ctx) =>
      healthMatching.reviewQueue(ctx.db, first, offset),
  },

  Mutation: {
    importHealthRecords: (_root, { records }, ctx) =>
      importFromMutation(ctx.db, healthImport, records),
    recordHealthDisclosure: scopedByArguments("recordDisclosure", (_root, { input }, ctx) =>
      recordDisclosure(ctx.db, tables.disclosure, ctx.auth, input, ctx.now),
    ),
    decideHealthMatch: (_root, { input }, ctx) =>
      healthMatching.decide(ctx.db, ctx.auth, input, ctx.now),
    revokeHealthLink: (_root, { input }, ctx) =>
      healthMatching.revoke(ctx.db, ctx.auth, input, ctx.now),
  },

  HealthMatchCandidate: {
    history: (pair, _args, ctx) => ctx.loaders.linkHistory.load(pair),
    patientId: (row) => row.recordId,
  },

  MatchReason: {
    agreement: (reason) => reason.agreement.toUpperCase(),
  },

  Subject: {
    // Social care owns the subject; health needs only the id, so no query is made here. An id
    // health has no link for is a subject health does not know (`known: false`), not an error.
    // The representation also carries social care's identity fields when healthMatches asks for them.
    __resolveReference: (reference) => ({ ...reference, ...subjectReference(reference) }),
    healthMatches: (subject, _args, ctx) => ctx.loaders.matchesBySubject.load(subject),
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

  PersonName: {
    middleNames: (name) => name.middleNames ?? [],
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
