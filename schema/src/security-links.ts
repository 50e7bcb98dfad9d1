/**
 * Federation's tools (@apollo/gateway, and Supergraph.build behind it) refuse a supergraph that
 * links the authorization specs "for: SECURITY": they do not implement them, and would otherwise
 * enforce nothing. The supergraph we compose keeps those links, so that the Apollo Router serving
 * it enforces the same directives; for those tools we drop the `for: SECURITY` purpose from the
 * three links. The directive applications stay in the SDL.
 */
const SECURITY_LINK =
  /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v0\.\d+"), for: SECURITY\)/g;

export function withoutSecurityPurpose(supergraphSdl: string): string {
  return supergraphSdl.replace(SECURITY_LINK, "$1)");
}
