import type { Requirement } from "./requirement.js";

/** `[["a","b"],["c"]]` → `` `a` and `b`, or `c` ``. */
function describeDnf(dnf: string[][]): string {
  return dnf
    .map((conjunction) => conjunction.map((item) => `\`${item}\``).join(" and "))
    .join(", or ");
}

/**
 * A requirement in words, as markdown: "scopes `police:detail`; policies `purpose`", or "any
 * signed-in caller"; empty when it requires nothing. The generated docs/authorization.md and the
 * gateway's field documentation both say it this way.
 */
export function describeRequirement(requirement: Requirement): string {
  const parts: string[] = [];
  if (requirement.scopes.length > 0) parts.push(`scopes ${describeDnf(requirement.scopes)}`);
  if (requirement.policies.length > 0) parts.push(`policies ${describeDnf(requirement.policies)}`);
  if (parts.length === 0 && requirement.authenticated) parts.push("any signed-in caller");
  return parts.join("; ");
}
