import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import { loadLinkedSection } from "@mash/agency-kit/graphql/linked-records";
import { matchingAgencyResolvers } from "@mash/agency-kit/subgraph/matching-agency-resolvers";
import { aboutParentSubject, aboutSubject } from "@mash/platform/authorization/purpose-scope";
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

const shared = matchingAgencyResolvers({
  agency: "police",
  matching: policeMatching,
  agencyImport: policeImport,
  disclosure: tables.disclosure,
  recordIdField: "nominalId",
});

export const resolvers: Resolvers = {
  ...shared,
  Subject: {
    ...shared.Subject,
    police: ({ id }, _args, ctx) => loadLinkedSection(ctx.loaders.linksBySubject, id),
    policeDomesticAbuseChildPresentDates: aboutSubject(
      ({ id }) => id,
      ({ id }, _args, ctx) => domesticAbuseChildPresentDates(ctx, id),
    ),
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
