import type { AccessDenial } from "@mash/access-log/entry";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import { ErrorCode } from "@mash/platform/graphql/errors";
import type { GraphQLError } from "graphql";
import { LIST_PATH_ELEMENT } from "../authorization/filter-operation.js";

/** Error codes that mean data was withheld from this caller, whoever decided it. */
const REFUSAL_CODES: ReadonlySet<string> = new Set([
  UNAUTHORIZED_FIELD_OR_TYPE,
  ErrorCode.Forbidden,
  ErrorCode.Unauthenticated,
]);

/** A response path with list indexes folded into "@", as the gateway's filter writes paths. */
export function denialPath(path: readonly (string | number)[]): string {
  return path
    .map((element) => (typeof element === "number" ? LIST_PATH_ELEMENT : element))
    .join(".");
}

/**
 * The refusals in an executed answer's errors: a subgraph's OUTSIDE_PURPOSE, NO_BREAK_GLASS,
 * NOT_A_PARTICIPANT, OWNING_AGENCY_ONLY… with the path and the subgraph that refused. Errors that
 * withheld nothing from this caller in particular (not found, bad input, an agency unavailable) are
 * not refusals.
 */
export function refusalsIn(errors: readonly GraphQLError[] | undefined): AccessDenial[] {
  const denials: AccessDenial[] = [];
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || !REFUSAL_CODES.has(code)) continue;
    const reason = error.extensions?.reason;
    const service = error.extensions?.serviceName;
    denials.push({
      path: denialPath(error.path ?? []),
      reason: typeof reason === "string" ? reason : code,
      service: typeof service === "string" ? service : null,
    });
  }
  return denials;
}

/** The gateway filter's removals, with its reasons. */
export function filterDenials(
  paths: readonly string[][],
  reasons: readonly string[],
): AccessDenial[] {
  return paths.map((path, i) => ({
    path: path.join("."),
    reason: reasons[i] ?? "MISSING_REQUIREMENT",
    service: null,
  }));
}
