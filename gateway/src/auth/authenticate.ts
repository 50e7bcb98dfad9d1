import { isRole } from "@mash/schema/authorization/catalogue";
import type { Principal } from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from "jose";
import { z } from "zod";
import { type AuthConfig, isDevelopmentKeyId } from "./auth-config.js";

/**
 * Why a request was refused. Clients and dashboards switch on these (`extensions.reason`), so they
 * are part of the API: add, never rename.
 */
export type AuthenticationFailureReason =
  | "AUTHENTICATION_REQUIRED"
  | "MALFORMED_AUTHORIZATION_HEADER"
  | "UNSUPPORTED_AUTHORIZATION_SCHEME"
  | "MALFORMED_TOKEN"
  | "ALGORITHM_NOT_ALLOWED"
  | "UNKNOWN_SIGNING_KEY"
  | "DEVELOPMENT_KEY_REFUSED"
  | "INVALID_SIGNATURE"
  | "TOKEN_EXPIRED"
  | "TOKEN_NOT_YET_VALID"
  | "WRONG_ISSUER"
  | "WRONG_AUDIENCE"
  | "MISSING_CLAIM";

/**
 * Written for the practitioner who will read them in a client. None includes any part of the
 * token: tokens end up in logs and screenshots, and a leaked bearer token is a leaked identity.
 */
const MESSAGES: Record<AuthenticationFailureReason, string> = {
  AUTHENTICATION_REQUIRED: "Sign in to use the MASH Graph: this request carried no access token",
  MALFORMED_AUTHORIZATION_HEADER:
    'The Authorization header is malformed; expected "Bearer" followed by an access token',
  UNSUPPORTED_AUTHORIZATION_SCHEME:
    'The Authorization header must use the "Bearer" scheme with an access token',
  MALFORMED_TOKEN: "The access token is not a valid signed token",
  ALGORITHM_NOT_ALLOWED:
    "The access token is signed with an algorithm this service does not accept",
  UNKNOWN_SIGNING_KEY: "The access token is signed by a key this service does not trust",
  DEVELOPMENT_KEY_REFUSED:
    "The access token is signed by a development key, which is not accepted in production",
  INVALID_SIGNATURE: "The access token's signature is not valid",
  TOKEN_EXPIRED: "The access token has expired; sign in again",
  TOKEN_NOT_YET_VALID: "The access token is not valid yet; check the clock on your device",
  WRONG_ISSUER: "The access token was issued by an identity provider this service does not trust",
  WRONG_AUDIENCE: "The access token was issued for another service",
  MISSING_CLAIM: "The access token lacks information this service needs",
};

/** A 401: the caller is not (validly) signed in. `extensions.reason` says exactly why. */
export class AuthenticationError extends GraphQLError {
  override readonly name = "AuthenticationError";
  readonly reason: AuthenticationFailureReason;
  /**
   * Who the token names, when its signature was verified and only a claim failed (expired, wrong
   * audience…): the access log can then say who was refused. Never sent to the caller.
   */
  readonly verifiedSubject: string | null;

  constructor(
    reason: AuthenticationFailureReason,
    details: { claim?: string } = {},
    verifiedSubject: string | null = null,
  ) {
    const message = details.claim
      ? `${MESSAGES[reason]} (the "${details.claim}" claim is missing or invalid)`
      : MESSAGES[reason];
    super(message, {
      extensions: { code: "UNAUTHENTICATED", reason, ...details, http: { status: 401 } },
    });
    this.reason = reason;
    this.verifiedSubject = verifiedSubject;
  }
}

export interface Authenticator {
  /**
   * Resolves to the verified principal, or `null` for an anonymous request when anonymous access
   * is allowed; rejects with an `AuthenticationError` for anything else.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Principal | null>;
}

/**
 * The claims this service reads. `scope` is deliberately absent: the gateway derives scopes from
 * `mash_roles` through the catalogue in this repository, the single source of truth for what a
 * role may see. Trusting a token's own `scope` would let any identity-provider misconfiguration
 * (or a stale scope list) widen access past what the catalogue and the subgraphs agree on.
 */
const practitionerClaims = z.object({
  // Kept exactly as issued (not trimmed): " alice" must never become the same person as "alice".
  sub: z.string().regex(/\S/),
  name: z.string().optional(),
  mash_agency: z.string().regex(/\S/),
  mash_roles: z.array(z.string()),
});

/** Claims jose must find before it checks anything else; a token without `exp` never expires. */
const REQUIRED_REGISTERED_CLAIMS = ["exp", "sub"];

/**
 * The identity provider's key set could not be fetched or used. Not the practitioner's fault and
 * not fixed by signing in again, so it is a 503 rather than a 401.
 */
export class IdentityProviderUnavailableError extends GraphQLError {
  override readonly name = "IdentityProviderUnavailableError";

  constructor(cause: unknown) {
    super("Sign-in cannot be checked right now: the identity provider's keys are unavailable", {
      extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } },
      originalError: cause instanceof Error ? cause : undefined,
    });
  }
}

/** Marks failures that happen while choosing the key, to keep them apart from jose's own. */
class DevelopmentKeyRefused extends Error {}
class KeysUnavailable extends Error {}

function keyResolver(config: AuthConfig): JWTVerifyGetKey {
  const { keys } = config;
  const jwks = keys.kind === "remote" ? createRemoteJWKSet(keys.url) : createLocalJWKSet(keys.jwks);
  return async (protectedHeader, token) => {
    // Local key sets are checked at start; a remote set is not under our control, so a token naming
    // a development key id is refused here too, whatever the identity provider publishes.
    if (config.nodeEnv === "production" && isDevelopmentKeyId(protectedHeader.kid)) {
      throw new DevelopmentKeyRefused();
    }
    try {
      return await jwks(protectedHeader, token);
    } catch (error) {
      // "No such key" is about the token; a failed fetch or an unusable key set is about us.
      const aboutTheToken =
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported;
      if (aboutTheToken || keys.kind === "local") throw error;
      throw new KeysUnavailable("JWKS unavailable", { cause: error });
    }
  };
}

/** Turns whatever jose threw into the one reason a practitioner (and the audit log) will see. */
function reasonFor(error: unknown): AuthenticationFailureReason {
  if (error instanceof DevelopmentKeyRefused) return "DEVELOPMENT_KEY_REFUSED";
  if (error instanceof errors.JWTExpired) return "TOKEN_EXPIRED";
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "iss":
        return "WRONG_ISSUER";
      case "aud":
        return "WRONG_AUDIENCE";
      case "nbf":
        return error.reason === "check_failed" ? "TOKEN_NOT_YET_VALID" : "MALFORMED_TOKEN";
      default:
        return error.reason === "missing" ? "MISSING_CLAIM" : "MALFORMED_TOKEN";
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "ALGORITHM_NOT_ALLOWED";
  if (error instanceof errors.JWKSNoMatchingKey) return "UNKNOWN_SIGNING_KEY";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "INVALID_SIGNATURE";
  return "MALFORMED_TOKEN";
}

function principalFrom(payload: JWTPayload): Principal {
  const result = practitionerClaims.safeParse(payload);
  if (!result.success) {
    const claim = String(result.error.issues[0]?.path[0] ?? "sub");
    throw new AuthenticationError("MISSING_CLAIM", { claim });
  }
  const claims = result.data;
  return {
    id: claims.sub,
    displayName: claims.name?.trim() || claims.sub,
    agency: claims.mash_agency,
    // Deny by default: a role the catalogue does not define grants nothing, so it is dropped here
    // rather than carried to the subgraphs where a typo could one day match a new role.
    roles: [...new Set(claims.mash_roles.filter(isRole))],
  };
}

/**
 * Verifies practitioners' bearer tokens against the configured identity provider's keys, and
 * turns a valid one into the `Principal` the authorization filter and the subgraphs work from.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const getKey = keyResolver(config);
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    clockTolerance: config.clockSkewSeconds,
    requiredClaims: REQUIRED_REGISTERED_CLAIMS,
  };

  /**
   * When several keys could have signed a token (no `kid`, several keys of its type), jose hands
   * back the candidates rather than guessing; a signature that any of them verifies is good.
   */
  async function verify(token: string): Promise<JWTPayload> {
    try {
      return (await jwtVerify(token, getKey, options)).payload;
    } catch (error) {
      if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
      for await (const candidate of error) {
        try {
          return (await jwtVerify(token, candidate, options)).payload;
        } catch (candidateError) {
          if (candidateError instanceof errors.JWSSignatureVerificationFailed) continue;
          throw candidateError;
        }
      }
      throw new errors.JWSSignatureVerificationFailed();
    }
  }

  return {
    async authenticate(authorizationHeader) {
      if (authorizationHeader === undefined) {
        if (config.requireAuthentication) throw new AuthenticationError("AUTHENTICATION_REQUIRED");
        return null;
      }
      const match = /^(\S+) +(\S+)$/.exec(authorizationHeader.trim());
      if (!match) throw new AuthenticationError("MALFORMED_AUTHORIZATION_HEADER");
      const [, scheme = "", token = ""] = match;
      // Auth schemes are case-insensitive (RFC 9110 §11.1).
      if (scheme.toLowerCase() !== "bearer") {
        throw new AuthenticationError("UNSUPPORTED_AUTHORIZATION_SCHEME");
      }
      let payload: JWTPayload;
      try {
        payload = await verify(token);
      } catch (error) {
        if (error instanceof KeysUnavailable)
          throw new IdentityProviderUnavailableError(error.cause);
        const reason = reasonFor(error);
        const claim =
          reason === "MISSING_CLAIM" && error instanceof errors.JWTClaimValidationFailed
            ? error.claim
            : undefined;
        // jose checks claims only once the signature holds: then the token's subject is genuine.
        const claimsFailed =
          error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired;
        const sub = claimsFailed ? error.payload.sub : undefined;
        const subject = typeof sub === "string" && sub.length <= 256 ? sub : null;
        throw new AuthenticationError(reason, claim ? { claim } : {}, subject);
      }
      return principalFrom(payload);
    },
  };
}
