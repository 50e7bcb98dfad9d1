import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import { agencyCheckResolvers } from "@mash/agency-kit/disclosure/agency-check-resolvers";
import {
  enquiryCheckReference,
  loadAgencyCheck,
} from "@mash/agency-kit/disclosure/enquiry-check-reference";
import { recordDisclosure } from "@mash/agency-kit/disclosure/record-disclosure";
import { loadLinkedSection } from "@mash/agency-kit/graphql/linked-records";
import { importFromMutation } from "@mash/agency-kit/import/import-mutation";
import {
  aboutEnquiry,
  aboutParentSubject,
  aboutSubject,
  scopedByArguments,
} from "@mash/platform/authorization/purpose-scope";
import { subjectReference } from "@mash/platform/graphql/ids";
import type { PoliceSectionResolvers, Resolvers } from "./__generated__/resolvers-types.js";
import * as tables from "./db/schema.js";
import { domesticAbuseChildPresentDates } from "./early-warning-dates.js";
import { policeImport } from "./import/police-import.js";
import { policeMatching } from "./matching.js";
import {
  loadHistory,
  loadIncidents,
  loadIntelligence,
  loadNominals,
  loadNotifications,
  loadOffences,
  loadWarningMarkers,
} from "./police-section.js";
import { summarise } from "./police-summary.js";
import { SOURCE_EVALUATION_GRADES } from "./source-evaluation.js";

export const resolvers: Resolvers = {
  Enquiry: {
    // Keeps the `@requires` fields (checksRequestedAt, checksDueAt) the gateway sends along.
    __resolveReference: enquiryCheckReference,
    // Everyone on the enquiry may see where the check stands (see docs/agency-checks.md).
    policeCheck: (enquiry, _args, ctx) =>
      loadAgencyCheck("police", enquiry, ctx.loaders.disclosuresByEnquiry, ctx.now),
    // Read only under the enquiry itself: the declared purpose must be this enquiry.
    policeDisclosures: aboutEnquiry(
      (enquiry) => enquiry.id,
      (enquiry, _args, ctx) => ctx.loaders.disclosuresByEnquiry.load(enquiry.id),
    ),
  },

  AgencyCheck: agencyCheckResolvers,

  Query: {
    policeReviewQueue: (_root, { first, offset }, ctx) =>
      policeMatching.reviewQueue(ctx.db, first, offset),
  },

  Mutation: {
    importPoliceRecords: (_root, { records }, ctx) =>
      importFromMutation(ctx.db, policeImport, records),
    recordPoliceDisclosure: scopedByArguments("recordDisclosure", (_root, { input }, ctx) =>
      recordDisclosure(ctx.db, tables.disclosure, ctx.auth, input, ctx.now),
    ),
    decidePoliceMatch: (_root, { input }, ctx) =>
      policeMatching.decide(ctx.db, ctx.auth, input, ctx.now),
    revokePoliceLink: (_root, { input }, ctx) =>
      policeMatching.revoke(ctx.db, ctx.auth, input, ctx.now),
  },

  Subject: {
    // The police cannot tell whether a subject exists (social care owns that), so any well-formed
    // id resolves, without a query; an unknown subject simply has no linked nominals.
    // The representation also carries social care's identity fields when policeMatches asks for them.
    __resolveReference: (reference) => ({ ...reference, ...subjectReference(reference) }),
    police: ({ id }, _args, ctx) => loadLinkedSection(ctx.loaders.linksBySubject, id),
    policeDomesticAbuseChildPresentDates: aboutSubject(
      ({ id }) => id,
      ({ id }, _args, ctx) => domesticAbuseChildPresentDates(ctx, id),
    ),
    policeMatches: (subject, _args, ctx) => ctx.loaders.matchesBySubject.load(subject),
  },

  PersonName: {
    middleNames: (name) => name.middleNames ?? [],
  },

  // The section's parent names its subject: every purpose-bound field is about that person.
  PoliceSection: aboutParentSubject<PoliceSectionResolvers>({
    known: (section) => section.links.length > 0,
    summary: async (section, _args, ctx) => summarise(await loadHistory(ctx, section), ctx.now),
    nominals: (section, _args, ctx) => loadNominals(ctx, section),
    warningMarkers: (section, _args, ctx) => loadWarningMarkers(ctx, section),
    notifications: (section, _args, ctx) => loadNotifications(ctx, section),
    domesticAbuseIncidents: (section, _args, ctx) => loadIncidents(ctx, section),
    offences: (section, _args, ctx) => loadOffences(ctx, section),
    // Restricted (handling code C is S4): kept as its own field so authorization can narrow it.
    intelligence: (section, _args, ctx) => loadIntelligence(ctx, section),
  }),

  PoliceNominal: {
    name: (row) => row,
    aliases: (row, _args, ctx) => ctx.loaders.aliasesByNominal.load(row.id),
    address: (row) => addressFromRow(row),
  },

  PoliceMatchCandidate: {
    history: (pair, _args, ctx) => ctx.loaders.linkHistory.load(pair),
    nominalId: (row) => row.recordId,
  },

  MatchReason: {
    agreement: (reason) => reason.agreement.toUpperCase(),
  },

  Offence: {
    arrest: (row) =>
      row.arrestedOn && row.arrestOutcome
        ? { arrestedOn: row.arrestedOn, outcome: row.arrestOutcome }
        : null,
  },

  IntelligenceItem: {
    sourceEvaluationGrade: (row) => row.sourceEvaluation,
  },

  // The database keeps the numeric 3x5x2 grade; the enum names it (overrides the lower-case rule).
  SourceEvaluation: SOURCE_EVALUATION_GRADES,
};
