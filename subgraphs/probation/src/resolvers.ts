import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import { agencyCheckResolvers } from "@mash/agency-kit/disclosure/agency-check-resolvers";
import {
  enquiryCheckReference,
  loadAgencyCheck,
} from "@mash/agency-kit/disclosure/enquiry-check-reference";
import { recordDisclosure } from "@mash/agency-kit/disclosure/record-disclosure";
import {
  linkedRecordIds,
  loadLinked,
  loadLinkedRecords,
  loadLinkedSection,
} from "@mash/agency-kit/graphql/linked-records";
import { importFromMutation } from "@mash/agency-kit/import/import-mutation";
import {
  aboutEnquiry,
  aboutParentSubject,
  scopedByArguments,
} from "@mash/platform/authorization/purpose-scope";
import { loadAllFor } from "@mash/platform/graphql/batch-loaders";
import { subjectReference } from "@mash/platform/graphql/ids";
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

export const resolvers: Resolvers = {
  Enquiry: {
    // Keeps the `@requires` fields (checksRequestedAt, checksDueAt) the gateway sends along.
    __resolveReference: enquiryCheckReference,
    // Everyone on the enquiry may see where the check stands (see docs/agency-checks.md).
    probationCheck: (enquiry, _args, ctx) =>
      loadAgencyCheck("probation", enquiry, ctx.loaders.disclosuresByEnquiry, ctx.now),
    // Read only under the enquiry itself: the declared purpose must be this enquiry.
    probationDisclosures: aboutEnquiry(
      (enquiry) => enquiry.id,
      (enquiry, _args, ctx) => ctx.loaders.disclosuresByEnquiry.load(enquiry.id),
    ),
  },

  AgencyCheck: agencyCheckResolvers,

  Query: {
    probationReviewQueue: (_root, { first, offset }, ctx) =>
      probationMatching.reviewQueue(ctx.db, first, offset),
  },

  Mutation: {
    importProbationRecords: (_root, { records }, ctx) =>
      importFromMutation(ctx.db, probationImport, records),
    recordProbationDisclosure: scopedByArguments("recordDisclosure", (_root, { input }, ctx) =>
      recordDisclosure(ctx.db, tables.disclosure, ctx.auth, input, ctx.now),
    ),
    decideProbationMatch: (_root, { input }, ctx) =>
      probationMatching.decide(ctx.db, ctx.auth, input, ctx.now),
    revokeProbationLink: (_root, { input }, ctx) =>
      probationMatching.revoke(ctx.db, ctx.auth, input, ctx.now),
  },

  ProbationMatchCandidate: {
    history: (pair, _args, ctx) => ctx.loaders.linkHistory.load(pair),
    crn: (row) => row.recordId,
  },

  MatchReason: {
    agreement: (reason) => reason.agreement.toUpperCase(),
  },

  Subject: {
    // Social care owns the subject: probation only needs a well-formed id, so no query here. An id
    // no record links to still resolves, to a section that says the subject is not known.
    // The representation also carries social care's identity fields when probationMatches asks for them.
    __resolveReference: (reference) => ({ ...reference, ...subjectReference(reference) }),
    probationMatches: (subject, _args, ctx) => ctx.loaders.matchesBySubject.load(subject),
    probation: (subject, _args, ctx) => loadLinkedSection(ctx.loaders.linksBySubject, subject.id),
  },

  PersonName: {
    // Aliases and protected people carry no middle names.
    middleNames: (name) => name.middleNames ?? [],
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
