import type { Holder, Requirement } from "@mash/schema/authorization/requirement";

/**
 * Why the gateway's filter removed a field, in the words the subgraphs use for their own refusals
 * where they mean the same thing, so the access log reads alike whoever refused.
 */
export type UnmetRequirementReason =
  | "AUTHENTICATION_REQUIRED"
  | "MISSING_SCOPE"
  | "NO_PURPOSE"
  | "NO_BREAK_GLASS"
  | "OWNING_AGENCY_ONLY"
  | "POLICY_NOT_MET";

function lacking(dnf: string[][], held: ReadonlySet<string>): Set<string> {
  const missing = new Set<string>();
  for (const conjunction of dnf) {
    for (const item of conjunction) if (!held.has(item)) missing.add(item);
  }
  return missing;
}

/** The first thing the holder lacks for a requirement they do not meet. */
export function unmetReason(requirement: Requirement, holder: Holder): UnmetRequirementReason {
  if (!holder.authenticated) return "AUTHENTICATION_REQUIRED";
  const scopesHeld =
    requirement.scopes.length === 0 ||
    requirement.scopes.some((conjunction) =>
      conjunction.every((scope) => holder.scopes.has(scope)),
    );
  if (!scopesHeld) return "MISSING_SCOPE";
  const missing = lacking(requirement.policies, holder.policies);
  // A purpose comes first: without one, no break-glass grant can be in force either.
  if (missing.has("purpose")) return "NO_PURPOSE";
  if (missing.has("break-glass")) return "NO_BREAK_GLASS";
  if ([...missing].some((policy) => policy.startsWith("agency:"))) return "OWNING_AGENCY_ONLY";
  return "POLICY_NOT_MET";
}
