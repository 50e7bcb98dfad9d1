import type { webcrypto } from "node:crypto";
import { DEV_AUDIENCE, DEV_ISSUER } from "@mash/gateway/auth/auth-config";
import { loadDevSigningKey } from "@mash/gateway/dev/issue-token";
import type { Persona } from "@mash/schema/authorization/personas";

/**
 * Practitioner tokens the dev identity provider would never issue: for another audience, signed
 * by a key nobody trusts, unsigned. Built by hand with WebCrypto (ES256 signatures are the raw
 * r||s that JWS expects), so each one is exactly the forgery it stands for.
 */

export type Claims = Record<string, unknown>;

function base64url(value: object | Uint8Array): string {
  const bytes =
    value instanceof Uint8Array ? value : new TextEncoder().encode(JSON.stringify(value));
  return Buffer.from(bytes).toString("base64url");
}

/** What a persona's real token says, valid for an hour from now; override any claim. */
export function personaClaims(persona: Persona, overrides: Claims = {}): Claims {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    sub: persona.id,
    name: persona.displayName,
    mash_agency: persona.agency,
    mash_roles: [...persona.roles],
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
}

export interface SigningKey {
  key: webcrypto.CryptoKey;
  kid: string;
}

/** The committed development identity provider's key: the gateway trusts what it signs. */
export async function devIdentityKey(): Promise<SigningKey> {
  const { key, kid } = await loadDevSigningKey();
  return { key, kid };
}

/** A fresh P-256 key the gateway has never seen, presented under `kid`. */
export async function foreignKey(kid: string): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
    "sign",
    "verify",
  ]);
  return { key: pair.privateKey, kid };
}

export async function signEs256(claims: Claims, signer: SigningKey): Promise<string> {
  const input = `${base64url({ alg: "ES256", kid: signer.kid, typ: "JWT" })}.${base64url(claims)}`;
  const signature = await crypto.subtle.sign(
    { name: "ECDSA", hash: "SHA-256" },
    signer.key,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/**
 * HS256 with a secret everybody has (the classic attack: the identity provider's public key used
 * as an HMAC secret, hoping the verifier takes the algorithm from the token).
 */
export async function signHs256(claims: Claims, secret: Uint8Array, kid: string): Promise<string> {
  const input = `${base64url({ alg: "HS256", kid, typ: "JWT" })}.${base64url(claims)}`;
  const key = await crypto.subtle.importKey(
    "raw",
    secret,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/** `alg: none`: a token that claims to need no signature at all. */
export function unsignedToken(claims: Claims): string {
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`;
}
