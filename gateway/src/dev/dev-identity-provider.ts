import {
  type AuthConfig,
  DEV_AUDIENCE,
  DEV_ISSUER,
  isDevelopmentKeyId,
} from "../auth/auth-config.js";

/**
 * Whether this gateway trusts the committed development identity provider: not in production,
 * its issuer and audience, and a development key among the keys it verifies with. Only then is
 * a token minted with that (public) key worth anything here, and only then may the gateway hand
 * them out.
 */
export function trustsDevIdentityProvider(auth: AuthConfig): boolean {
  return (
    auth.nodeEnv !== "production" &&
    auth.issuer === DEV_ISSUER &&
    auth.audience === DEV_AUDIENCE &&
    auth.keys.kind === "local" &&
    auth.keys.jwks.keys.some((key) => isDevelopmentKeyId(key.kid))
  );
}
