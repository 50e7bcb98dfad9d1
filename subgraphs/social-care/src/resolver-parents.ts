import type {
  enquiry,
  enquiryCheckSubject,
  enquiryDecision,
  enquiryRatingChange,
  household,
  lookedAfterEpisode,
  mashContact,
  mashContactPerson,
  person,
  relationship,
} from "./db/schema.js";

// What the resolvers of each object type receive as their parent, where that is not the SDL type
// itself. `codegen.ts` maps the SDL types to these, so the generated resolver types check every
// resolver against what actually flows into it. A type not listed here is its SDL shape, and the
// object a resolver returns for it is checked field by field.

import type { ReportedStatuses } from "./workflow/decision-basis.js";

export type { AgencyCheckView } from "@mash/agency-kit/disclosure/agency-check";
export type { SubjectPage } from "./subjects/list-subjects.js";
export type { SubjectChangePage } from "./subjects/subject-changes.js";

/** `Subject`: the social care person record, which this subgraph owns. */
export type PersonRow = typeof person.$inferSelect;

/**
 * `Subject` as resolvers receive it: the person row and, when the gateway resolves early warnings,
 * the police and health dates it fetched for them (`@requires`).
 */
export type SubjectParent = PersonRow & {
  policeDomesticAbuseChildPresentDates?: readonly string[] | null;
  healthEmergencyAttendanceDates?: readonly string[] | null;
};
export type HouseholdRow = typeof household.$inferSelect;
export type RelationshipRow = typeof relationship.$inferSelect;
export type EnquiryRow = typeof enquiry.$inferSelect;

/**
 * `Enquiry` as resolvers receive it: the row and, when the gateway resolves `decisionBasis`, the
 * other agencies' check statuses it fetched from them (`@requires`).
 */
export type EnquiryParent = EnquiryRow & { reportedStatuses?: ReportedStatuses | undefined };

/** `PersonName`: a person row is its own name; aliases carry no middle names. */
export interface PersonNameParent {
  givenName: string;
  familyName: string;
  middleNames?: string[] | null;
}

/**
 * `SocialCareSection`: whose history to load. Named `subjectId` because the subgraph's
 * authorization checks record-level rules (purpose, break-glass) against it.
 */
export interface SectionParent {
  subjectId: string;
}

/**
 * `LookedAfterEpisode`: the row and its subject. The placement address is released only under
 * break-glass for that subject, which the subgraph checks record by record.
 */
export type LookedAfterEpisodeParent = typeof lookedAfterEpisode.$inferSelect & {
  subjectId: string;
};

/** `MyContact` and `MashContact`: the contact row (what a referrer sees is the SDL's choice). */
export type MashContactRow = typeof mashContact.$inferSelect;
export type ContactPersonRow = typeof mashContactPerson.$inferSelect;
export type RatingChangeRow = typeof enquiryRatingChange.$inferSelect;
export type EnquiryDecisionRow = typeof enquiryDecision.$inferSelect;
export type CheckSubjectRow = typeof enquiryCheckSubject.$inferSelect;
