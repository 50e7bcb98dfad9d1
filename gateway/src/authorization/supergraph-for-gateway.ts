import { withoutSecurityPurpose } from "@mash/schema/security-links";

/**
 * @apollo/gateway refuses a supergraph that links the authorization specs "for: SECURITY" (it does
 * not implement them) and would otherwise enforce nothing. The supergraph we compose keeps those
 * links, so the Apollo Router would enforce the same directives; for @apollo/gateway alone we drop
 * the `for: SECURITY` purpose from those three links. The directive applications stay in the SDL
 * (the API schema never carries them) and this gateway enforces them itself from the original text.
 */
export function supergraphForApolloGateway(supergraphSdl: string): string {
  return withoutSecurityPurpose(supergraphSdl);
}
