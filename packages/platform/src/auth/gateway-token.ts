import { randomUUID } from "node:crypto";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import {
  createLocalJWKSet,
  errors,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { z } from "zod";
import { ConfigurationError } from "../config/parse-env.js";
import { ErrorCode } from "../graphql/errors.js";
import {
  type GatewaySignatureAlgorithm,
  gatewayPrivateJwkSchema,
  gatewayPublicJwksSchema,
} from "./gateway-keys.js";
import { createMemoryReplayGuard, type ReplayGuard } from "./replay-guard.js";
import { type GraphQLRequestBinding, hashGraphQLRequest } from "./request-hash.js";

export const DEFAULT_GATEWAY_ISSUER = "mash-gateway";

/**
 * Explicit token type (RFC 8725 §3.11): a practitioner's access token, or any other JWT that
 * happens to be signed by a trusted key, is not mistaken for a gateway token.
 */
export const GATEWAY_TOKEN_TYPE = "mash-gateway+jwt";

export type GatewayTokenReason =
  | "MISSING_GATEWAY_TOKEN"
  | "MALFORMED_GATEWAY_TOKEN"
  | "BAD_SIGNATURE"
  | "WRONG_AUDIENCE"
  | "WRONG_ISSUER"
  | "EXPIRED"
  | "REQUEST_MISMATCH"
  | "REPLAYED"
  | "MALFORMED_CLAIMS";

/**
 * A request the subgraph refuses because it did not provably come from the gateway. Thrown from the
 * context function, so Apollo answers 401 before any resolver runs. Messages never include the
 * token or values from it: they end up in client responses and logs.
 */
export class GatewayTokenError extends GraphQLError {
  override readonly name = "GatewayTokenError";
  readonly reason: GatewayTokenReason;

  constructor(reason: GatewayTokenReason, detail: string) {
    super(`This subgraph only accepts requests signed by the MASH gateway: ${detail}`, {
      extensions: { code: ErrorCode.Unauthenticated, reason, http: { status: 401 } },
    });
    this.reason = reason;
  }
}

/**
 * The `mash` claim. Unknown members are dropped rather than refused, so the gateway can add a field
 * before every subgraph knows it; a missing or mistyped known member is a rejection.
 */
export const requestAuthoritySchema = z.object({
  principal: z
    .object({
      id: z.string().min(1),
      displayName: z.string(),
      agency: z.string().min(1),
      roles: z.array(z.string().min(1)),
    })
    .nullable(),
  purpose: z
    .object({
      // guid, not uuid: the project's ids (see graphql/ids.ts) are any 8-4-4-4-12 hex string.
      enquiryId: z.guid(),
      subjectIds: z.array(z.guid()),
    })
    .nullable(),
  breakGlass: z.array(
    z.object({
      id: z.string().min(1),
      subjectId: z.guid(),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
  ),
}) satisfies z.ZodType<RequestAuthority>;

const gatewayClaimsSchema = z.object({
  sub: z.string().min(1),
  jti: z.string().min(1).max(128),
  /** A base64url SHA-256 digest is always 43 characters. */
  req: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "expected a base64url SHA-256 digest"),
  mash: requestAuthoritySchema,
});

/**
 * Copies only the fields subgraphs read: the token travels in a header on every subgraph call, and
 * whatever richer object the gateway built its authority from should not leak into it.
 */
function compactAuthority(authority: RequestAuthority): RequestAuthority {
  const { principal, purpose } = authority;
  return {
    principal: principal
      ? {
          id: principal.id,
          displayName: principal.displayName,
          agency: principal.agency,
          roles: [...principal.roles],
        }
      : null,
    purpose: purpose ? { enquiryId: purpose.enquiryId, subjectIds: [...purpose.subjectIds] } : null,
    breakGlass: authority.breakGlass.map(({ id, subjectId, expiresAt }) => ({
      id,
      subjectId,
      expiresAt,
    })),
  };
}

function subjectOf(authority: RequestAuthority): string {
  return authority.principal?.id ?? "anonymous";
}

function requirePositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

function requireAudience(audience: string): string {
  if (typeof audience !== "string" || audience.length === 0) {
    throw new TypeError("audience must be the subgraph's name");
  }
  return audience;
}

export interface GatewaySignerOptions {
  /** A private JWK with a `kid`; `alg` defaults to EdDSA. */
  privateJwk: JWK;
  issuer?: string;
  /** Tokens cover one subgraph call, so seconds suffice; keep below the verifiers' max token age. */
  ttlSeconds?: number;
  /** Injectable clock for tests. */
  now?: () => Date;
}

export interface GatewaySignInput {
  /** The subgraph's name ("police", "health", ...): a token is only accepted by that subgraph. */
  audience: string;
  authority: RequestAuthority;
  /** Exactly what will be sent to the subgraph. */
  request: GraphQLRequestBinding;
}

export interface GatewaySigner {
  /**
   * Signs one subgraph call. Call it for every attempt, retries included: subgraphs accept each
   * token once, so resending a token is refused as a replay.
   */
  sign(input: GatewaySignInput): Promise<string>;
}

export function createGatewaySigner(options: GatewaySignerOptions): GatewaySigner {
  const parsed = gatewayPrivateJwkSchema.safeParse(options.privateJwk);
  if (!parsed.success) {
    throw new ConfigurationError(
      `Invalid gateway signing key: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  }
  const jwk = parsed.data;
  const alg: GatewaySignatureAlgorithm = jwk.alg ?? "EdDSA";
  const issuer = options.issuer ?? DEFAULT_GATEWAY_ISSUER;
  const ttlSeconds = requirePositiveInteger("ttlSeconds", options.ttlSeconds ?? 30);
  const now = options.now ?? (() => new Date());
  // Imported once on first use: importing a JWK costs more than the Ed25519 signature itself, and
  // doing it lazily means a bad key fails the first sign() instead of an unhandled rejection.
  let key: ReturnType<typeof importJWK> | undefined;

  return {
    async sign({ audience, authority, request }) {
      requireAudience(audience);
      key ??= importJWK(jwk, alg);
      const issuedAt = Math.floor(now().getTime() / 1000);
      return new SignJWT({ mash: compactAuthority(authority), req: hashGraphQLRequest(request) })
        .setProtectedHeader({ alg, kid: jwk.kid, typ: GATEWAY_TOKEN_TYPE })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(subjectOf(authority))
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .setJti(randomUUID())
        .sign(await key);
    },
  };
}

export interface GatewayVerifierOptions {
  /** The gateway's public keys. Every key must name its `alg`: only those algorithms are accepted. */
  publicJwks: JSONWebKeySet;
  /** This subgraph's name; tokens minted for any other subgraph are refused. */
  audience: string;
  issuer?: string;
  clockToleranceSeconds?: number;
  /**
   * Oldest token (by `iat`) accepted, whatever its `exp` says. It bounds how long the replay guard
   * must remember an id, so a token with a far-off `exp` cannot outlive its replay protection.
   */
  maxTokenAgeSeconds?: number;
  /** Defaults to a fresh in-memory guard per verifier. */
  replayGuard?: ReplayGuard;
  /** Injectable clock for tests. */
  now?: () => Date;
}

export interface GatewayVerifier {
  /**
   * Checks the `Authorization` header against the request actually received and returns the
   * authority the gateway vouched for. Throws `GatewayTokenError` on any failure.
   */
  verify(
    authorizationHeader: string | undefined,
    request: GraphQLRequestBinding,
  ): Promise<RequestAuthority>;
}

/** A compact JWS: three base64url segments. The signature may be empty only for `alg: none`,
 * which is let through to be refused as a bad signature rather than as a malformed token. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function createGatewayVerifier(options: GatewayVerifierOptions): GatewayVerifier {
  const parsed = gatewayPublicJwksSchema.safeParse(options.publicJwks);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigurationError(`Invalid gateway public keys: ${problems.join("; ")}`);
  }
  const audience = requireAudience(options.audience);
  const issuer = options.issuer ?? DEFAULT_GATEWAY_ISSUER;
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new RangeError(`clockToleranceSeconds must be >= 0, got ${clockTolerance}`);
  }
  const maxTokenAge = requirePositiveInteger(
    "maxTokenAgeSeconds",
    options.maxTokenAgeSeconds ?? 120,
  );
  const now = options.now ?? (() => new Date());
  // On the verifier's clock, so that remembered ids expire on the same timeline as `exp` is checked.
  const replayGuard =
    options.replayGuard ?? createMemoryReplayGuard({ now: () => now().getTime() });
  // The allow-list comes from our configuration, never from the token's header: this is what
  // stops `alg: none` and the HS256-with-the-public-key confusion.
  const algorithms = [...new Set(parsed.data.keys.map((key) => key.alg))];
  const keys = createLocalJWKSet({ keys: parsed.data.keys });

  function refuse(reason: GatewayTokenReason, detail: string): never {
    throw new GatewayTokenError(reason, detail);
  }

  function refuseFromJose(error: unknown): never {
    if (!(error instanceof errors.JOSEError)) throw error;
    switch (error.code) {
      case errors.JWTExpired.code:
        return refuse(
          "EXPIRED",
          "the token has expired. Gateway tokens live for seconds; if this persists, check that the gateway's and this subgraph's clocks agree.",
        );
      case errors.JWTClaimValidationFailed.code: {
        const claim = error instanceof errors.JWTClaimValidationFailed ? error.claim : "";
        if (claim === "aud") return refuseWrongAudience();
        if (claim === "iss") {
          return refuse("WRONG_ISSUER", `the token was not issued by "${issuer}".`);
        }
        if (claim === "iat") {
          return refuse(
            "EXPIRED",
            "the token is not valid yet (issued in the future); check that the gateway's and this subgraph's clocks agree.",
          );
        }
        if (claim === "typ") {
          return refuse(
            "MALFORMED_GATEWAY_TOKEN",
            `the bearer token is not a gateway token (its typ is not "${GATEWAY_TOKEN_TYPE}"). Practitioner tokens are for the gateway; send the query there.`,
          );
        }
        return refuse("MALFORMED_CLAIMS", `the token's "${claim}" claim is missing or invalid.`);
      }
      case errors.JWSSignatureVerificationFailed.code:
      case errors.JOSEAlgNotAllowed.code:
      case errors.JWKSNoMatchingKey.code:
      case errors.JWKSMultipleMatchingKeys.code:
      case errors.JOSENotSupported.code:
        return refuse(
          "BAD_SIGNATURE",
          "the token is not signed by a gateway key this subgraph trusts (unknown key, disallowed algorithm, or an altered token).",
        );
      default:
        return refuse(
          "MALFORMED_GATEWAY_TOKEN",
          "the bearer token is not a well-formed gateway token (a compact JWS signed by the gateway).",
        );
    }
  }

  function refuseWrongAudience(): never {
    return refuse(
      "WRONG_AUDIENCE",
      `the token was issued for a different subgraph, not "${audience}". The gateway signs each subgraph call separately; a token cannot be forwarded to another subgraph.`,
    );
  }

  function bearerToken(header: string | undefined): string {
    if (header === undefined || header.trim() === "") {
      return refuse(
        "MISSING_GATEWAY_TOKEN",
        "the request has no Authorization header. Send queries to the MASH gateway, not to a subgraph directly.",
      );
    }
    const [scheme, token, ...rest] = header.trim().split(/\s+/);
    // Auth schemes are case-insensitive (RFC 9110 §11.1).
    if (scheme?.toLowerCase() !== "bearer" || token === undefined || rest.length > 0) {
      return refuse(
        "MALFORMED_GATEWAY_TOKEN",
        'expected an "Authorization: Bearer <gateway token>" header.',
      );
    }
    if (!COMPACT_JWS.test(token)) {
      return refuse(
        "MALFORMED_GATEWAY_TOKEN",
        "the bearer token is not a well-formed gateway token (a compact JWS signed by the gateway).",
      );
    }
    return token;
  }

  return {
    async verify(authorizationHeader, request) {
      const token = bearerToken(authorizationHeader);
      const currentDate = now();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms,
          issuer,
          audience,
          typ: GATEWAY_TOKEN_TYPE,
          clockTolerance,
          maxTokenAge,
          currentDate,
          requiredClaims: ["exp", "iat", "jti", "sub"],
        }));
      } catch (error) {
        return refuseFromJose(error);
      }
      // jose accepts an audience array that merely contains ours; a token for several subgraphs
      // could then be replayed across them, so only a single, exact audience is accepted.
      if (payload.aud !== audience) return refuseWrongAudience();

      const claims = gatewayClaimsSchema.safeParse(payload);
      if (!claims.success) {
        const where = [...new Set(claims.error.issues.map((issue) => issue.path.join(".")))];
        return refuse(
          "MALFORMED_CLAIMS",
          `the token's claims are malformed at ${where.join(", ")}.`,
        );
      }
      const { sub, jti, req, mash } = claims.data;
      if (sub !== subjectOf(mash)) {
        return refuse("MALFORMED_CLAIMS", "the token's sub does not match its mash.principal.");
      }
      // Checked before the replay guard, so that someone holding an intercepted token cannot burn
      // it (and fail the real request) by sending it with a different document.
      if (req !== hashGraphQLRequest(request)) {
        return refuse(
          "REQUEST_MISMATCH",
          "the token was signed for a different query, variables or operation name than this request carries.",
        );
      }
      // Both were checked as numbers by jwtVerify (required claims, numeric dates).
      const exp = payload.exp ?? 0;
      const iat = payload.iat ?? 0;
      const acceptedUntilSeconds = Math.min(exp, iat + maxTokenAge) + clockTolerance;
      if (!(await replayGuard.claim(jti, acceptedUntilSeconds * 1000))) {
        return refuse(
          "REPLAYED",
          "this token has already been used. The gateway signs every subgraph call afresh, retries included.",
        );
      }
      return mash;
    },
  };
}
