import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/**
 * Keys a deployment would bring: an identity provider's (the gateway trusts its public key) and
 * the gateway's own signing pair (subgraphs trust its public key). Fresh for each test run, so a
 * production-mode stack never sees a committed development key.
 */
export interface ProductionKeys {
  /** Environment for every service: AUTH_*, GATEWAY_SIGNING_KEY, GATEWAY_PUBLIC_KEYS. */
  env: Record<string, string>;
  /** A practitioner token from the identity provider, as a real one would sign it. */
  token(claims: { sub: string; agency: string; roles: string[] }): Promise<string>;
}

const ISSUER = "https://idp.test.invalid/";
const AUDIENCE = "mash-graph-production-test";

async function keyPair(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK; key: CryptoKey }> {
  const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "EdDSA", use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  return { privateJwk, publicJwk, key: privateKey };
}

export async function productionKeys(): Promise<ProductionKeys> {
  const identityProvider = await keyPair("idp-test-1");
  const gateway = await keyPair("gateway-test-1");
  return {
    env: {
      AUTH_PUBLIC_KEYS: JSON.stringify({ keys: [identityProvider.publicJwk] }),
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      GATEWAY_SIGNING_KEY: JSON.stringify(gateway.privateJwk),
      GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [gateway.publicJwk] }),
    },
    token: ({ sub, agency, roles }) =>
      new SignJWT({ name: "Test Practitioner", mash_agency: agency, mash_roles: roles })
        .setProtectedHeader({ alg: "EdDSA", kid: "idp-test-1", typ: "JWT" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(identityProvider.key),
  };
}
