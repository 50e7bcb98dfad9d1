import type { LinkedSection } from "@mash/agency-kit/graphql/linked-records";
import type { offender, protectedPerson, subjectLink } from "./db/schema.js";
import type { CaseRow, ConditionRow } from "./probation-summary.js";

// What the resolvers of each object type receive as their parent, where that is not the SDL type
// itself. `codegen.ts` maps the SDL types to these, so the generated resolver types check every
// resolver against what actually flows into it. A type not listed here is its SDL shape, and the
// object a resolver returns for it is checked field by field.

type LinkRow = typeof subjectLink.$inferSelect;

/** `ProbationMatchCandidate`: a stored pair. */
export type { MatchCandidateRow } from "@mash/agency-kit/db/match-tables";
/** `LinkEvent`: one step in a pair's history. */
export type { LinkEvent as LinkEventParent } from "@mash/agency-kit/matching/link-history";
/** `MatchReason`: one field's part in a score. */
export type { MatchReason as MatchReasonParent } from "@mash/agency-kit/matching/score";
/**
 * `Subject`: as this subgraph sees it, the id social care owns, and social care's identity fields
 * when `probationMatches` requires them.
 */
export type { RequiredSubjectIdentity as SubjectReference } from "@mash/agency-kit/matching/subject-identity";

/** `ProbationSection`: the subject and its links to offender records. */
export type SectionParent = LinkedSection<LinkRow>;

/** `OffenderRecord`: the record as seen from one subject, with the link that led to it. */
export type OffenderRecordParent = typeof offender.$inferSelect & { link: LinkRow };

/**
 * `ProbationCase` and `LicenceCondition`: rows tagged with the subject whose section they were
 * loaded for. A protected person's details are released only under break-glass for that subject,
 * which the subgraph checks record by record.
 */
export type SubjectCase = CaseRow & { subjectId: string };
export type SubjectCondition = ConditionRow & { subjectId: string };

export type ProtectedPersonRow = typeof protectedPerson.$inferSelect;

/** `PersonName`: offender and protected-person rows are their own names; aliases carry no middle names. */
export interface PersonNameParent {
  givenName: string;
  familyName: string;
  middleNames?: string[] | null;
}

/** `AgencyCheck`: the shared check status type. */
export type { AgencyCheckView } from "@mash/agency-kit/disclosure/agency-check";
/**
 * `Enquiry`: social care owns it; this subgraph sees its id and, when asked for its check, the
 * checks' request and deadline (`@requires`).
 */
export type { EnquiryCheckReference as EnquiryReference } from "@mash/agency-kit/disclosure/enquiry-check-reference";
