import { decodeJwt } from "jose";

/** Who is signed in, as the pages need it: for navigation and wording only (the gateway decides). */
export interface SessionUser {
  id: string;
  name: string;
  agency: string;
  roles: string[];
}

declare module "express-session" {
  interface SessionData {
    user?: SessionUser;
    /** The practitioner's access token for the gateway: kept on the server, never sent out. */
    token?: string;
    /** When the token expires (ms since the epoch). */
    tokenExpiresAt?: number;
    refreshToken?: string;
    idToken?: string;
    /** An OIDC sign-in under way: PKCE verifier, state and nonce, and where to go after. */
    oidc?: { codeVerifier: string; state: string; nonce: string; returnTo: string };
    /** Idempotency keys of forms shown and not yet submitted (a double click creates one contact). */
    formKeys?: string[];
  }
}

/**
 * The user a token describes. The front end reads the claims only to choose pages and words; it
 * does not verify the token (the gateway does, on every request, and refuses a bad one).
 */
export function userFromToken(token: string): { user: SessionUser; expiresAt: number } {
  const claims = decodeJwt(token);
  const roles = Array.isArray(claims.mash_roles)
    ? claims.mash_roles.filter((role): role is string => typeof role === "string")
    : [];
  return {
    user: {
      id: String(claims.sub ?? ""),
      name: typeof claims.name === "string" ? claims.name : String(claims.sub ?? "Signed in"),
      agency: typeof claims.mash_agency === "string" ? claims.mash_agency : "",
      roles,
    },
    expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + 3_600_000,
  };
}
