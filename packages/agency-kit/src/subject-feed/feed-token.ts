import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEV_IDENTITY_PROVIDER, DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import { type CryptoKey, importJWK, type JWK, SignJWT } from "jose";

/** The role the feed's caller holds (`subjects:changes`, `identity:read`): see the catalogue. */
export const LINKAGE_SERVICE_ROLE = "linkage-service";

/**
 * Production: the bearer token the identity provider issued to the agency's linkage service
 * (client credentials), kept fresh in a file by whatever fetches it (a sidecar, a projected
 * token), read again for every pull so a renewed token is picked up without a restart.
 */
export function tokenFromFile(path: string): () => Promise<string> {
  return async () => {
    const token = (await readFile(path, "utf8")).trim();
    if (token === "") throw new Error(`${path} holds no token`);
    return token;
  };
}

const DEV_TOKEN_SECONDS = 300;

/**
 * Development and tests only (the configuration refuses it elsewhere): the agency signs its own
 * linkage-service token with the committed development identity provider key, which the gateway
 * trusts only in development. A fresh five-minute token for each pull.
 */
export function developmentToken(agency: string): () => Promise<string> {
  let key: Promise<{ key: CryptoKey | Uint8Array; kid: string }> | null = null;
  return async () => {
    key ??= readFile(DEV_KEY_FILES.identityProviderPrivate, "utf8").then(async (text) => {
      const jwk = JSON.parse(text) as JWK;
      return {
        key: await importJWK(jwk, DEV_IDENTITY_PROVIDER.algorithm),
        kid: String(jwk.kid),
      };
    });
    const { key: signingKey, kid } = await key;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      name: `${agency} record linkage`,
      mash_agency: agency,
      mash_roles: [LINKAGE_SERVICE_ROLE],
    })
      .setProtectedHeader({ alg: DEV_IDENTITY_PROVIDER.algorithm, kid, typ: "JWT" })
      .setIssuer(DEV_IDENTITY_PROVIDER.issuer)
      .setAudience(DEV_IDENTITY_PROVIDER.audience)
      .setSubject(`service:${agency}-linkage`)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + DEV_TOKEN_SECONDS)
      .sign(signingKey);
  };
}
