import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import { scopesForRoles } from "@mash/schema/authorization/catalogue";
import type { Persona } from "@mash/schema/authorization/personas";
import { type CryptoKey, importJWK, type JWK, SignJWT } from "jose";
import { DEV_AUDIENCE, DEV_ISSUER } from "../auth/auth-config.js";

/** The committed development identity provider's private key (ES256, kid dev-identity-provider-1). */
const DEV_PRIVATE_JWK_PATH = DEV_KEY_FILES.identityProviderPrivate;

const DEV_ALGORITHM = "ES256";

export interface DevSigningKey {
  key: CryptoKey;
  kid: string;
  alg: typeof DEV_ALGORITHM;
}

/**
 * The development identity provider's signing key. Exported for tests that need to sign tokens the
 * personas cannot produce (another audience, a missing claim).
 */
export async function loadDevSigningKey(): Promise<DevSigningKey> {
  const jwk = JSON.parse(await readFile(DEV_PRIVATE_JWK_PATH, "utf8")) as JWK;
  if (typeof jwk.kid !== "string") throw new Error(`${DEV_PRIVATE_JWK_PATH} has no kid`);
  const key = await importJWK(jwk, DEV_ALGORITHM);
  // importJWK yields bytes only for symmetric (oct) keys; the dev identity provider's is EC.
  if (key instanceof Uint8Array) throw new Error(`${DEV_PRIVATE_JWK_PATH} is not an EC key`);
  return { key, kid: jwk.kid, alg: DEV_ALGORITHM };
}

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Long enough for a working week of demos; anything longer is a token nobody will remember. */
const MAX_LIFETIME_SECONDS = 7 * 86_400;

/** "30m", "8h", "2d" or a number of seconds; jose's own parser counts from the real clock. */
export function parseLifetime(value: string | number): number {
  let seconds: number;
  if (typeof value === "number") {
    seconds = value;
  } else {
    const match = DURATION.exec(value.trim());
    const unit = match?.[2] as keyof typeof UNIT_SECONDS | undefined;
    if (!match || !unit) {
      throw new Error(`Invalid lifetime "${value}": expected e.g. 30s, 30m, 8h or 2d`);
    }
    seconds = Number(match[1]) * UNIT_SECONDS[unit];
  }
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_LIFETIME_SECONDS) {
    throw new Error(`Invalid lifetime "${value}": between 1 second and 7 days`);
  }
  return seconds;
}

export interface IssueDevTokenOptions {
  /** How long the token lasts: "30m", "8h", "2d" or seconds. Default 8h: one working day. */
  expiresIn?: string | number;
  /** When the token is issued (and valid from); tests move it to make expired or future tokens. */
  now?: Date;
}

/**
 * Signs a practitioner token for a development persona with the committed dev identity provider
 * key. The gateway ignores `scope` and derives scopes from `mash_roles`; `scope` is included so the
 * same token works with an Apollo Router, which reads the standard claim.
 */
export async function issueDevToken(
  persona: Persona,
  { expiresIn = "8h", now = new Date() }: IssueDevTokenOptions = {},
): Promise<string> {
  // The key is public, so a token it signs proves nothing; never mint one where it might be trusted.
  const mode = process.env.NODE_ENV;
  if (mode !== "development" && mode !== "test") {
    throw new Error(
      `Refusing to issue a development token with NODE_ENV=${mode ?? "(unset: production)"}; set NODE_ENV=development`,
    );
  }
  const lifetime = parseLifetime(expiresIn);
  const issuedAt = Math.floor(now.getTime() / 1000);
  const { key, kid, alg } = await loadDevSigningKey();
  return new SignJWT({
    name: persona.displayName,
    mash_agency: persona.agency,
    mash_roles: [...persona.roles],
    scope: [...scopesForRoles(persona.roles)].join(" "),
  })
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(persona.id)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(key);
}
