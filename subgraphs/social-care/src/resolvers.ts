import { addressFromRow } from "@mash/agency-kit/db/address-columns";
import { recordDisclosure } from "@mash/agency-kit/disclosure/record-disclosure";
import { importFromMutation } from "@mash/agency-kit/import/import-mutation";
import {
  aboutEnquiry,
  aboutParentSubject,
  aboutSubject,
  scopedByArguments,
} from "@mash/platform/authorization/purpose-scope";
import { notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import type { Resolvers, SocialCareSectionResolvers } from "./__generated__/resolvers-types.js";
import { grantsForReview, reviewBreakGlass } from "./access/break-glass-review.js";
import {
  declareBreakGlass,
  enquiryForCaller,
  mashAuthority,
  myEnquiries,
} from "./access/mash-authority.js";
import type { SocialCareContext } from "./context.js";
import * as tables from "./db/schema.js";
import { agencyCheckTypeResolvers, enquiryCheckFields } from "./enquiry-checks.js";
import { socialCareImport } from "./import/social-care-import.js";
import type { PersonRow } from "./resolver-parents.js";
import { hasHistory, type SocialCareHistory, summarise } from "./social-care-summary.js";
import { countSubjects, listSubjects } from "./subjects/list-subjects.js";
import { subjectChanges } from "./subjects/subject-changes.js";
import { closeEnquiry, decideEnquiry } from "./workflow/decide-enquiry.js";
import { reportedStatuses } from "./workflow/decision-basis.js";
import { earlyWarningsFor } from "./workflow/early-warnings-for-subject.js";
import { myContacts } from "./workflow/my-contacts.js";
import { openEnquiry } from "./workflow/open-enquiry.js";
import { rateEnquiry } from "./workflow/rate-enquiry.js";
import { ACTIVE_STATES } from "./workflow/state-machine.js";
import { submitContact } from "./workflow/submit-contact.js";
import { takeUpAgencyCheck } from "./workflow/take-up-check.js";
import { contactsAwaitingScreening, workQueue } from "./workflow/work-queue.js";

async function loadHistory(ctx: SocialCareContext, subjectId: string): Promise<SocialCareHistory> {
  const { loaders } = ctx;
  const [
    contacts,
    childProtectionPlans,
    childInNeedEpisodes,
    lookedAfterEpisodes,
    earlyHelpEpisodes,
    adultSafeguardingConcerns,
  ] = await Promise.all([
    loaders.contactsByPerson.load(subjectId),
    loaders.childProtectionPlansByPerson.load(subjectId),
    loaders.childInNeedEpisodesByPerson.load(subjectId),
    loaders.lookedAfterEpisodesByPerson.load(subjectId),
    loaders.earlyHelpEpisodesByPerson.load(subjectId),
    loaders.adultSafeguardingConcernsByPerson.load(subjectId),
  ]);
  return {
    contacts,
    childProtectionPlans,
    childInNeedEpisodes,
    lookedAfterEpisodes,
    earlyHelpEpisodes,
    adultSafeguardingConcerns,
  };
}

async function requirePerson(ctx: SocialCareContext, id: string): Promise<PersonRow> {
  const row = await ctx.loaders.personById.load(id);
  if (!row) throw notFound("Subject", id);
  return row;
}

/** The `@requires` fields of a Subject reference, when present and well-formed. */
function requiredDates(reference: Record<string, unknown>) {
  const dates = (value: unknown) =>
    Array.isArray(value) ? value.filter((d): d is string => typeof d === "string") : null;
  return {
    policeDomesticAbuseChildPresentDates: dates(reference.policeDomesticAbuseChildPresentDates),
    healthEmergencyAttendanceDates: dates(reference.healthEmergencyAttendanceDates),
  };
}

type EnquiryDecisionRowAgency = "social_care" | "police" | "health" | "probation";

/** The decision on the enquiry opened from a contact, if any (two batched lookups). */
async function decisionOf(ctx: SocialCareContext, contactId: string) {
  const opened = await ctx.loaders.enquiryByContact.load(contactId);
  return opened ? ctx.loaders.decisionByEnquiry.load(opened.id) : null;
}

export const resolvers: Resolvers = {
  Query: {
    mashAuthority: (_root, args, ctx) => mashAuthority(ctx, args.enquiryId),
    myEnquiries: (_root, _args, ctx) => myEnquiries(ctx),
    enquiry: (_root, args, ctx) => enquiryForCaller(ctx, args.id, "id"),
    breakGlassGrants: (_root, args, ctx) => grantsForReview(ctx, args),
    subject: (_root, args, ctx) => requirePerson(ctx, parseUuidArgument(args.id, "id", "Subject")),
    subjects: (_root, args, ctx) => listSubjects(ctx, args),
    subjectChanges: (_root, args, ctx) => subjectChanges(ctx, args),
    myContacts: (_root, args, ctx) => myContacts(ctx, args.first),
    contactsAwaitingScreening: (_root, args, ctx) => contactsAwaitingScreening(ctx, args.first),
    workQueue: (_root, args, ctx) => workQueue(ctx, args),
  },

  Enquiry: {
    // With `@requires`, the reference also carries the other agencies' check statuses, which the
    // gateway fetched from them for `decisionBasis`.
    __resolveReference: async (reference, ctx) => {
      const row = await ctx.loaders.enquiryById.load(
        parseUuidArgument(reference.id, "representations.id", "Enquiry"),
      );
      return row ? { ...row, reportedStatuses: reportedStatuses(reference) } : null;
    },
    // Read only under the enquiry itself: the declared purpose must be this enquiry.
    socialCareDisclosures: aboutEnquiry(
      (enquiry) => enquiry.id,
      (enquiry, _args, ctx) => ctx.loaders.disclosuresByEnquiry.load(enquiry.id),
    ),
    subject: (row, _args, ctx) => ctx.loaders.personById.load(row.subjectId),
    ...enquiryCheckFields,
    // Enquiries opened before the workflow requested their checks when they were opened.
    checksRequestedAt: (row) => row.checksRequestedAt ?? row.openedAt,
    checkSubjects: async (row, _args, ctx) => {
      const checks = await ctx.loaders.checkSubjectsByEnquiry.load(row.id);
      const people = await ctx.loaders.personById.loadMany(checks.map((check) => check.personId));
      return people.filter(
        (found): found is PersonRow => found !== null && !(found instanceof Error),
      );
    },
    overdue: (row, _args, ctx) =>
      ACTIVE_STATES.includes(row.status) && row.checksDueAt !== null && row.checksDueAt < ctx.now,
    ratingHistory: (row, _args, ctx) => ctx.loaders.ratingChangesByEnquiry.load(row.id),
    contact: (row, _args, ctx) =>
      row.contactId ? ctx.loaders.mashContactById.load(row.contactId) : null,
    decision: (row, _args, ctx) => ctx.loaders.decisionByEnquiry.load(row.id),
  },

  RatingChange: {
    from: (row) => row.fromRating,
    to: (row) => row.toRating,
  },

  MyContact: {
    outcome: async (row, _args, ctx) => (await decisionOf(ctx, row.id))?.outcome ?? null,
    feedback: async (row, _args, ctx) => (await decisionOf(ctx, row.id))?.referrerFeedback ?? null,
    decidedAt: async (row, _args, ctx) => (await decisionOf(ctx, row.id))?.decidedAt ?? null,
  },

  MashContact: {
    referrer: (row) => row,
    people: (row, _args, ctx) => ctx.loaders.mashContactPeopleByContact.load(row.id),
  },

  ContactReferrer: {
    name: (row) => row.referrerName,
    role: (row) => row.referrerRole,
    organisation: (row) => row.referrerOrganisation,
    type: (row) => row.referrerType,
    phone: (row) => row.referrerPhone,
    email: (row) => row.referrerEmail,
  },

  ContactPerson: {
    address: (row) => addressFromRow(row),
    subject: (row, _args, ctx) => (row.personId ? ctx.loaders.personById.load(row.personId) : null),
  },

  EnquiryDecision: {
    outstandingAgencies: (row) => row.outstandingAgencies as EnquiryDecisionRowAgency[],
  },
  ...agencyCheckTypeResolvers,

  Mutation: {
    importSocialCareRecords: (_root, { records }, ctx) =>
      importFromMutation(ctx.db, socialCareImport, records),
    recordSocialCareDisclosure: scopedByArguments("recordDisclosure", (_root, { input }, ctx) =>
      recordDisclosure(ctx.db, tables.disclosure, ctx.auth, input, ctx.now),
    ),
    reviewBreakGlass: (_root, { input }, ctx) => reviewBreakGlass(ctx, input),
    declareBreakGlass: scopedByArguments("declareBreakGlass", (_root, args, ctx) =>
      declareBreakGlass(ctx, args.input),
    ),
    submitContact: (_root, { input }, ctx) => submitContact(ctx, input),
    openEnquiry: (_root, { input }, ctx) => openEnquiry(ctx, input),
    rateEnquiry: (_root, { input }, ctx) => rateEnquiry(ctx, input),
    takeUpAgencyCheck: (_root, { input }, ctx) => takeUpAgencyCheck(ctx, input),
    decideEnquiry: (_root, { input }, ctx) => decideEnquiry(ctx, input),
    closeEnquiry: (_root, { input }, ctx) => closeEnquiry(ctx, input),
  },

  SubjectConnection: {
    totalCount: (page, _args, ctx) => countSubjects(ctx, page),
  },

  Subject: {
    // Another subgraph holds only the id; an unknown one resolves to null (the entity is absent).
    // With `@requires`, the reference also carries the police and health dates for early warnings.
    __resolveReference: async (reference, ctx) => {
      const row = await ctx.loaders.personById.load(
        parseUuidArgument(reference.id, "representations.id", "Subject"),
      );
      return row ? { ...row, ...requiredDates(reference) } : null;
    },
    name: (row) => row,
    aliases: (row, _args, ctx) => ctx.loaders.aliasesByPerson.load(row.id),
    address: (row) => addressFromRow(row),
    identifiers: (row) => ({ nhsNumber: row.nhsNumber, upn: row.upn }),
    household: (row, _args, ctx) =>
      row.householdId ? ctx.loaders.householdById.load(row.householdId) : null,
    relationships: (row, _args, ctx) => ctx.loaders.relationshipsByPerson.load(row.id),
    socialCare: (row) => ({ subjectId: row.id }),
    earlyWarnings: aboutSubject(
      (row) => row.id,
      (row, _args, ctx) => earlyWarningsFor(ctx, row),
    ),
  },

  PersonName: {
    middleNames: (name) => name.middleNames ?? [],
  },

  Household: {
    address: (row) => addressFromRow(row),
    members: (row, _args, ctx) => ctx.loaders.membersByHousehold.load(row.id),
  },

  Relationship: {
    person: (row, _args, ctx) => requirePerson(ctx, row.relatedPersonId),
  },

  // The section's parent names its subject: every purpose-bound field is about that person.
  SocialCareSection: aboutParentSubject<SocialCareSectionResolvers>({
    known: async ({ subjectId }, _args, ctx) =>
      hasHistory(await loadHistory(ctx, subjectId)) ||
      (await ctx.loaders.allocationByPerson.load(subjectId)) !== null,
    summary: async ({ subjectId }, _args, ctx) =>
      summarise(await loadHistory(ctx, subjectId), ctx.now),
    openCase: ({ subjectId }, _args, ctx) => ctx.loaders.allocationByPerson.load(subjectId),
    contacts: ({ subjectId }, _args, ctx) => ctx.loaders.contactsByPerson.load(subjectId),
    childProtectionPlans: ({ subjectId }, _args, ctx) =>
      ctx.loaders.childProtectionPlansByPerson.load(subjectId),
    childInNeedEpisodes: ({ subjectId }, _args, ctx) =>
      ctx.loaders.childInNeedEpisodesByPerson.load(subjectId),
    // Each episode carries its subject: the placement address is released only under break-glass
    // for that subject, which the subgraph checks record by record.
    lookedAfterEpisodes: async ({ subjectId }, _args, ctx) =>
      (await ctx.loaders.lookedAfterEpisodesByPerson.load(subjectId)).map((row) => ({
        ...row,
        subjectId,
      })),
    earlyHelpEpisodes: ({ subjectId }, _args, ctx) =>
      ctx.loaders.earlyHelpEpisodesByPerson.load(subjectId),
    adultSafeguardingConcerns: ({ subjectId }, _args, ctx) =>
      ctx.loaders.adultSafeguardingConcernsByPerson.load(subjectId),
  }),

  LookedAfterEpisode: {
    placementAddress: aboutSubject(
      (row) => row.subjectId,
      (row) => addressFromRow(row),
    ),
  },
};
