import { type Agency, type Policy, type Scope, scopesForRoles } from "./catalogue.js";

/** Who is asking: established by the gateway from a verified token, passed on to subgraphs signed. */
export interface Principal {
  /** The token's subject: a stable user id. */
  id: string;
  displayName: string;
  /** The caller's organisation: one of the four agencies, or another (e.g. "education"). */
  agency: string;
  roles: string[];
}

/** A break-glass grant the caller holds: access to one subject's restricted items until `expiresAt`. */
export interface BreakGlassGrant {
  id: string;
  subjectId: string;
  /** ISO date-time. */
  expiresAt: string;
}

/** A purpose the gateway has verified: an enquiry the caller takes part in, and its subjects. */
export interface VerifiedPurpose {
  enquiryId: string;
  subjectIds: string[];
}

/**
 * What a request may see: derived from the principal (scopes from roles), the verified purpose and
 * active break-glass grants. Both the gateway and each subgraph build one of these per request.
 */
export interface Grants {
  authenticated: boolean;
  scopes: ReadonlySet<string>;
  policies: ReadonlySet<string>;
}

export interface RequestAuthority {
  principal: Principal | null;
  purpose: VerifiedPurpose | null;
  breakGlass: BreakGlassGrant[];
}

export function grantsFor(authority: RequestAuthority, now = new Date()): Grants {
  const { principal } = authority;
  if (!principal) return { authenticated: false, scopes: new Set(), policies: new Set() };
  const policies = new Set<Policy>();
  if (authority.purpose) policies.add("purpose");
  if (authority.breakGlass.some((grant) => new Date(grant.expiresAt) > now)) {
    policies.add("break-glass");
  }
  const agencyPolicy = `agency:${principal.agency}`;
  const scopes: Set<Scope> = scopesForRoles(principal.roles);
  return {
    authenticated: true,
    scopes,
    policies: new Set<string>([...policies, agencyPolicy]),
  };
}

export function isOwnAgency(principal: Principal | null, agency: Agency): boolean {
  return principal?.agency === agency;
}
