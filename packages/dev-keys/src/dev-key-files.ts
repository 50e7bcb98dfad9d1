import { fileURLToPath } from "node:url";

/**
 * Where the committed development keys are. Resolved from this file, not the working directory,
 * so `npm start` works from any folder; `dist/` sits at the same depth as `src/`. These keys are
 * public (they are in the repository): only development mode may ever read them.
 */
function keyFile(name: string): string {
  return fileURLToPath(new URL(`../keys/${name}`, import.meta.url));
}

export const DEV_KEY_FILES = {
  /** The development identity provider's private key (ES256): signs persona tokens. */
  identityProviderPrivate: keyFile("identity-provider.private.jwk.json"),
  /** Its public key set: the gateway trusts it in development. */
  identityProviderPublic: keyFile("identity-provider.public.jwks.json"),
  /** The gateway's development signing key (EdDSA) for subgraph requests. */
  gatewaySigningPrivate: keyFile("gateway-signing.private.jwk.json"),
  /** Its public key set: subgraphs verify the gateway with it in development. */
  gatewaySigningPublic: keyFile("gateway-signing.public.jwks.json"),
} as const;

/**
 * Who the development identity provider says it is, and for whom its tokens are: the gateway
 * trusts exactly these in development, and development service callers (an agency's subject feed)
 * sign their own tokens with them.
 */
export const DEV_IDENTITY_PROVIDER = {
  issuer: "mash-graph-dev-idp",
  audience: "mash-graph",
  algorithm: "ES256",
} as const;
