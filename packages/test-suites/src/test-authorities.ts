import { ROLES } from "@mash/schema/authorization/catalogue";
import type { RequestAuthority } from "@mash/schema/authorization/principal";

const IN_AN_HOUR = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();

/**
 * A caller who may see everything about the given subjects: every role, a purpose covering them,
 * and break-glass for each. For data tests, which check what the subgraph returns rather than who
 * may see it (the authorization tests cover that).
 */
export function allSeeingAuthority(
  subjectIds: readonly string[],
  agency: string,
): RequestAuthority {
  return {
    principal: {
      id: "test-all-seeing",
      displayName: "Test caller with every role",
      agency,
      roles: Object.keys(ROLES),
    },
    purpose: { enquiryId: "00000000-0000-4000-8000-00000000e001", subjectIds: [...subjectIds] },
    breakGlass: subjectIds.map((subjectId, index) => ({
      id: `test-grant-${index}`,
      subjectId,
      expiresAt: IN_AN_HOUR(),
    })),
  };
}

/** A caller with the given roles and no purpose. */
export function callerWithRoles(roles: string[], agency: string): RequestAuthority {
  return {
    principal: { id: `test-${roles.join("-")}`, displayName: "Test caller", agency, roles },
    purpose: null,
    breakGlass: [],
  };
}
