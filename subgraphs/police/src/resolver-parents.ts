// What the resolvers of each object type receive as their parent, where that is not the SDL type
// itself. `codegen.ts` maps the SDL types to these, so the generated resolver types check every
// resolver against what actually flows into it. A type not listed here is its SDL shape, and the
// object a resolver returns for it is checked field by field.

/** `PoliceMatchCandidate`: a stored pair. */
export type { MatchCandidateRow } from "@mash/agency-kit/db/match-tables";
/** `LinkEvent`: one step in a pair's history. */
export type { LinkEvent as LinkEventParent } from "@mash/agency-kit/matching/link-history";
/** `MatchReason`: one field's part in a score. */
export type { MatchReason as MatchReasonParent } from "@mash/agency-kit/matching/score";
/**
 * `Subject`: as this subgraph sees it, the id social care owns, and social care's identity fields
 * when `policeMatches` requires them.
 */
export type { RequiredSubjectIdentity as SubjectReference } from "@mash/agency-kit/matching/subject-identity";
export type {
  IntelligenceRow,
  LinkedNominal,
  OffenceRow,
  SectionParent,
} from "./police-section.js";

/** `PersonName`: a nominal row is its own name; aliases carry no middle names. */
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
