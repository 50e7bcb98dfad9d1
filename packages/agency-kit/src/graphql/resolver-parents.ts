// What the resolvers of the shared types receive as their parent, for every agency: each agency's
// `src/resolver-parents.ts` re-exports these (`export type * from`) beside its own, and its
// `codegen.ts` maps the SDL types to them.

/** `<Agency>MatchCandidate`: a stored pair. */
export type { MatchCandidateRow } from "../db/match-tables.js";
/** `AgencyCheck`: the shared check status type. */
export type { AgencyCheckView } from "../disclosure/agency-check.js";
/**
 * `Enquiry` in an agency other than social care: its id and, when asked for the agency's check,
 * the checks' request and deadline (`@requires`).
 */
export type { EnquiryCheckReference as EnquiryReference } from "../disclosure/enquiry-check-reference.js";
/** `LinkEvent`: one step in a pair's history. */
export type { LinkEvent as LinkEventParent } from "../matching/link-history.js";
/** `MatchReason`: one field's part in a score. */
export type { MatchReason as MatchReasonParent } from "../matching/score.js";
/**
 * `Subject` in a matching agency: the id social care owns, and social care's identity fields when
 * `<agency>Matches` requires them.
 */
export type { RequiredSubjectIdentity as SubjectReference } from "../matching/subject-identity.js";

/** `PersonName`: a person row is its own name; aliases carry no middle names. */
export interface PersonNameParent {
  givenName: string;
  familyName: string;
  middleNames?: string[] | null;
}
