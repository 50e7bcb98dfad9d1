// What the resolvers of the shared types receive as their parent, for every agency: each agency's
// `src/resolver-parents.ts` re-exports these (`export type * from`) beside its own, and its
// `codegen.ts` maps the SDL types to them.

/** `LinkEvent`: one step in a pair's history. */
export type { LinkEvent as LinkEventParent } from "@mash/record-linkage/link-history";
/** `<Agency>MatchCandidate`: a stored pair. */
export type { MatchCandidateRow } from "@mash/record-linkage/match-tables";
/** `MatchReason`: one field's part in a score. */
export type { MatchReason as MatchReasonParent } from "@mash/record-linkage/score";
/**
 * `Subject` in a matching agency: the id social care owns, and social care's identity fields when
 * `<agency>Matches` requires them.
 */
export type { RequiredSubjectIdentity as SubjectReference } from "@mash/record-linkage/subject-identity";
/** `AgencyCheck`: the shared check status type. */
export type { AgencyCheckView } from "../disclosure/agency-check.js";
/**
 * `Enquiry` in an agency other than social care: its id and, when asked for the agency's check,
 * the checks' request and deadline (`@requires`).
 */
export type { EnquiryCheckReference as EnquiryReference } from "../disclosure/enquiry-check-reference.js";

/** `PersonName`: a person row is its own name; aliases carry no middle names. */
export interface PersonNameParent {
  givenName: string;
  familyName: string;
  middleNames?: string[] | null;
}
