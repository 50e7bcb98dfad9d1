import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import {
  linkedRecordIds,
  loadLinked,
  loadLinkedRecords,
  loadLinkedSection,
} from "@mash/agency-kit/graphql/linked-records";
import { matchingAgencyResolvers } from "@mash/agency-kit/subgraph/matching-agency-resolvers";
import { aboutParentSubject } from "@mash/platform/authorization/purpose-scope";
import { loadAllFor } from "@mash/platform/graphql/batch-loaders";
import type {
  LicenceConditionResolvers,
  ProbationCaseResolvers,
  ProbationSectionResolvers,
  Resolvers,
} from "./__generated__/resolvers-types.js";
import type { ProbationContext } from "./context.js";
import * as tables from "./db/schema.js";
import { probationImport } from "./import/probation-import.js";
import { probationMatching } from "./matching.js";
import {
  type CaseRow,
  type ConditionRow,
  type ProbationHistory,
  summarise,
} from "./probation-summary.js";
import type { OffenderRecordParent, SectionParent } from "./resolver-parents.js";

/** Every case of every linked record, newest first (each record's list is ordered, the union not). */
function loadCases(ctx: ProbationContext, section: SectionParent): Promise<CaseRow[]> {
  return loadLinked(ctx.loaders.casesByCrn, linkedRecordIds(section), {
    dateOf: (row) => row.startDate,
  });
}

async function loadHistory(
  ctx: ProbationContext,
  section: SectionParent,
): Promise<ProbationHistory> {
  const cases = await loadCases(ctx, section);
  const conditions: ConditionRow[] = await loadAllFor(
    ctx.loaders.conditionsByCase,
    cases.map((row) => row.id),
  );
  return { cases, conditions };
}

function loadRecords(
  ctx: ProbationContext,
  section: SectionParent,
): Promise<OffenderRecordParent[]> {
  return loadLinkedRecords(ctx.loaders.offenderByCrn, section);
}

const shared = matchingAgencyResolvers({
  agency: "probation",
  matching: probationMatching,
  agencyImport: probationImport,
  disclosure: tables.disclosure,
  recordIdField: "crn",
});

export const resolvers: Resolvers = {
  ...shared,
  Subject: {
    ...shared.Subject,
    probation: (subject, _args, ctx) => loadLinkedSection(ctx.loaders.linksBySubject, subject.id),
  },

  // The section's parent names its subject: every purpose-bound field is about that person.
  ProbationSection: aboutParentSubject<ProbationSectionResolvers>({
    known: (section) => section.links.length > 0,
    summary: async (section, _args, ctx) => summarise(await loadHistory(ctx, section), ctx.now),
    records: (section, _args, ctx) => loadRecords(ctx, section),
    // Cases, and through them licence conditions, carry their subject: a protected person's
    // details are released only under break-glass for that subject, checked record by record.
    cases: async (section, _args, ctx) =>
      (await loadCases(ctx, section)).map((row) => ({ ...row, subjectId: section.subjectId })),
  }),

  OffenderRecord: {
    name: (row) => row,
    aliases: (row, _args, ctx) => ctx.loaders.aliasesByCrn.load(row.crn),
    address: (row) => addressFromRow(row),
  },

  // Cases and conditions carry the subject they were loaded for.
  ProbationCase: aboutParentSubject<ProbationCaseResolvers>({
    mappa: (row) =>
      row.mappaCategory && row.mappaLevel
        ? { category: row.mappaCategory, level: row.mappaLevel }
        : null,
    riskOfSeriousHarm: (row) => ({
      overall: row.roshOverall,
      children: row.roshChildren,
      public: row.roshPublic,
      knownAdult: row.roshKnownAdult,
      staff: row.roshStaff,
    }),
    licenceConditions: async (row, _args, ctx) =>
      (await ctx.loaders.conditionsByCase.load(row.id)).map((condition) => ({
        ...condition,
        subjectId: row.subjectId,
      })),
  }),

  LicenceCondition: aboutParentSubject<LicenceConditionResolvers>({
    protectedPerson: (row, _args, ctx) => ctx.loaders.protectedPersonByCondition.load(row.id),
  }),

  ProtectedPerson: {
    name: (row) => row,
    address: (row) => addressFromRow(row),
  },
};
