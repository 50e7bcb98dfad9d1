import type { GraphQLFormattedError } from "graphql";

/**
 * What the page shows where the gateway withheld a field from this practitioner: the gateway
 * answers `null` there with an UNAUTHORIZED_FIELD_OR_TYPE error at its path. A denied field must
 * read "not shared with your role", never look empty (an empty list would say "nothing known").
 */
export const NOT_SHARED = Object.freeze({ notShared: true as const });
export type NotShared = typeof NOT_SHARED;

/** The errors that say a field was withheld from the caller (not a failure). */
export function isDenial(error: GraphQLFormattedError): boolean {
  return error.extensions?.code === "UNAUTHORIZED_FIELD_OR_TYPE";
}

/**
 * A copy of `data` with every withheld field replaced by NOT_SHARED. Only fields whose parent was
 * returned are marked: a withheld object's own fields are not listed separately.
 */
export function markNotShared<T>(data: T, errors: readonly GraphQLFormattedError[]): T {
  const denied = errors.filter(isDenial).map((error) => error.path ?? []);
  if (denied.length === 0 || data === null || typeof data !== "object") return data;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  for (const path of denied) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) {
      parent = (parent as Record<string | number, unknown> | null)?.[key];
      if (parent === null || typeof parent !== "object") break;
    }
    const last = path.at(-1);
    if (last === undefined || parent === null || typeof parent !== "object") continue;
    const holder = parent as Record<string | number, unknown>;
    if (holder[last] === null || holder[last] === undefined) holder[last] = NOT_SHARED;
  }
  return copy as T;
}
