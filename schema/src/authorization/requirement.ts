/**
 * An authorization requirement with the Apollo Router's semantics: `@authenticated`, and
 * `@requiresScopes` / `@policy` in disjunctive normal form — the outer list is OR, each inner list
 * AND: [["a","b"],["c"]] = (a AND b) OR c. An empty outer list (no directive) requires nothing.
 */
export interface Requirement {
  authenticated: boolean;
  scopes: string[][];
  policies: string[][];
}

export const NO_REQUIREMENT: Requirement = { authenticated: false, scopes: [], policies: [] };

export function isEmpty(requirement: Requirement): boolean {
  return (
    !requirement.authenticated &&
    requirement.scopes.length === 0 &&
    requirement.policies.length === 0
  );
}

/** (a OR b) AND (c OR d) = (a AND c) OR (a AND d) OR (b AND c) OR (b AND d). */
function andDnf(left: string[][], right: string[][]): string[][] {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const product: string[][] = [];
  const seen = new Set<string>();
  for (const a of left) {
    for (const b of right) {
      const conjunction = [...new Set([...a, ...b])].sort();
      const key = conjunction.join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      product.push(conjunction);
    }
  }
  return product;
}

/** Both requirements at once: what a field needs when its type has requirements of its own. */
export function both(left: Requirement, right: Requirement): Requirement {
  return {
    authenticated: left.authenticated || right.authenticated,
    scopes: andDnf(left.scopes, right.scopes),
    policies: andDnf(left.policies, right.policies),
  };
}

function someConjunctionHeld(dnf: string[][], held: ReadonlySet<string>): boolean {
  return dnf.length === 0 || dnf.some((conjunction) => conjunction.every((item) => held.has(item)));
}

export interface Holder {
  authenticated: boolean;
  scopes: ReadonlySet<string>;
  policies: ReadonlySet<string>;
}

/** Whether a caller with these grants meets the requirement. Scopes and policies imply a caller. */
export function isMet(requirement: Requirement, holder: Holder): boolean {
  if (isEmpty(requirement)) return true;
  if (!holder.authenticated) return false;
  return (
    someConjunctionHeld(requirement.scopes, holder.scopes) &&
    someConjunctionHeld(requirement.policies, holder.policies)
  );
}

/** The policies a requirement names anywhere (so only those need deciding for a request). */
export function policiesNamed(requirement: Requirement): Set<string> {
  return new Set(requirement.policies.flat());
}
