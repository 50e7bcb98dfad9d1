import {
  type Grants,
  grantsFor,
  type RequestAuthority,
} from "@mash/schema/authorization/principal";

/**
 * What a subgraph knows about who is asking, from the gateway's signed token: the grants to check
 * declared requirements against, and the record-level facts (the purpose's subjects, break-glass).
 */
export interface SubgraphAuthorization {
  authority: RequestAuthority;
  grants: Grants;
  /** Whether a subject belongs to the verified purpose (the enquiry's subject or household). */
  subjectInPurpose(subjectId: string): boolean;
  /** Whether an unexpired break-glass grant covers this subject. */
  breakGlassCovers(subjectId: string): boolean;
}

export function subgraphAuthorization(
  authority: RequestAuthority,
  now: Date = new Date(),
): SubgraphAuthorization {
  const purposeSubjects = new Set(authority.purpose?.subjectIds ?? []);
  const glass = authority.breakGlass.filter((grant) => new Date(grant.expiresAt) > now);
  return {
    authority,
    grants: grantsFor(authority, now),
    subjectInPurpose: (subjectId) => purposeSubjects.has(subjectId),
    breakGlassCovers: (subjectId) => glass.some((grant) => grant.subjectId === subjectId),
  };
}

/** No caller: what a subgraph sees when nobody is authenticated. */
export const ANONYMOUS: RequestAuthority = { principal: null, purpose: null, breakGlass: [] };
