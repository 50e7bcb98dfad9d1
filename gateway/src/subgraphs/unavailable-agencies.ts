import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { maskUnexpectedErrors } from "@mash/platform/graphql/apollo-plugins";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { AgencyCheckField } from "../supergraph/agency-check-fields.js";

// When an agency's service is down or slow, the case picture still comes back with every other
// agency's part: the failed fetch becomes one client-safe error naming the service, and each field
// through which that subgraph reports an agency's check (`@agencyCheck` in the supergraph) says
// AGENCY_UNAVAILABLE instead of being null.

/** The code @apollo/gateway uses for subgraph failures; clients switch on it. */
export const DOWNSTREAM_SERVICE_ERROR = "DOWNSTREAM_SERVICE_ERROR";

/** Why a fetch counts as the agency being unavailable. */
export type UnavailableReason = "TIMEOUT" | "UNREACHABLE" | "SERVER_ERROR";

const REASONS: ReadonlySet<string> = new Set<UnavailableReason>([
  "TIMEOUT",
  "UNREACHABLE",
  "SERVER_ERROR",
]);

function httpStatusOf(error: unknown): number | undefined {
  const extensions = (error as { extensions?: { response?: { status?: unknown } } }).extensions;
  const status = extensions?.response?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * Whether a failed fetch means the agency is unavailable, and why; null when the agency answered
 * and refused (a 4xx: its answer stands, as before). Timeouts come from the fetcher's AbortSignal.
 */
export function unavailableReason(error: unknown): UnavailableReason | null {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return "TIMEOUT";
  }
  const status = httpStatusOf(error);
  if (status === undefined) return "UNREACHABLE";
  return status >= 500 ? "SERVER_ERROR" : null;
}

const MESSAGES: Record<UnavailableReason, (service: string, timeoutMs: number) => string> = {
  TIMEOUT: (service, timeoutMs) =>
    `The ${service} service did not answer within ${timeoutMs} ms; its part of the answer is missing.`,
  UNREACHABLE: (service) =>
    `The ${service} service could not be reached; its part of the answer is missing.`,
  SERVER_ERROR: (service) =>
    `The ${service} service failed to answer; its part of the answer is missing.`,
};

/** The error for the caller: the service's name and why, never its URL or a stack. */
export function unavailableError(
  serviceName: string,
  reason: UnavailableReason,
  timeoutMs: number,
): GraphQLFormattedError {
  return {
    message: MESSAGES[reason](serviceName, timeoutMs),
    extensions: { code: DOWNSTREAM_SERVICE_ERROR, serviceName, reason },
  };
}

type Json = Record<string, unknown>;

interface Synthesis {
  fragments: Map<string, FragmentDefinitionNode>;
  /** The failed subgraph's agency-check fields: the agency each reports, by type and field. */
  checks: ReadonlyMap<string, string>;
}

const coordinate = (typeName: string, fieldName: string) => `${typeName}.${fieldName}`;

/**
 * Fills the selections made on a type: spreads and inline fragments (for this type) are merged
 * in, every field is handed to `fieldValue`. Handles what the query planner emits.
 */
function fillSelections(
  selectionSet: SelectionSetNode,
  typeName: string,
  synthesis: Synthesis,
  fieldValue: (fieldName: string, selection: SelectionSetNode | undefined) => unknown,
  into: Json,
): Json {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into[key] = fieldValue(selection.name.value, selection.selectionSet);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : synthesis.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    if (condition && condition !== typeName) continue;
    fillSelections(fragment.selectionSet, typeName, synthesis, fieldValue, into);
  }
  return into;
}

/** `{ status: AGENCY_UNAVAILABLE, agency }`, everything else selected null. */
function unavailableCheck(
  selectionSet: SelectionSetNode,
  agency: string,
  synthesis: Synthesis,
): Json {
  const values: Record<string, unknown> = {
    __typename: "AgencyCheck",
    status: "AGENCY_UNAVAILABLE",
    agency,
  };
  return fillSelections(
    selectionSet,
    "AgencyCheck",
    synthesis,
    (field) => values[field] ?? null,
    {},
  );
}

/**
 * One entity of a failed `_entities` fetch: only the agency checks (and `__typename`) are filled
 * in; the fields left out stay missing, exactly as when the whole fetch fails.
 */
function unavailableEntity(
  selectionSet: SelectionSetNode,
  typeName: string,
  synthesis: Synthesis,
): Json {
  const entity = fillSelections(
    selectionSet,
    typeName,
    synthesis,
    (field, selection) => {
      if (field === "__typename") return typeName;
      const agency = synthesis.checks.get(coordinate(typeName, field));
      return agency && selection ? unavailableCheck(selection, agency, synthesis) : undefined;
    },
    {},
  );
  for (const [key, value] of Object.entries(entity)) if (value === undefined) delete entity[key];
  entity.__typename = typeName;
  return entity;
}

function entitiesSelection(document: DocumentNode): SelectionSetNode | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === "_entities") {
        return selection.selectionSet;
      }
    }
  }
  return undefined;
}

function typeNameOf(representation: unknown): string | undefined {
  const typeName = (representation as { __typename?: unknown } | null)?.__typename;
  return typeof typeName === "string" ? typeName : undefined;
}

/**
 * What the gateway makes of a fetch to an unavailable agency: the error, and for an `_entities`
 * fetch (where the agency adds to entities another subgraph returned) an entity per
 * representation whose agency checks are AGENCY_UNAVAILABLE. A root fetch gets the error alone.
 */
export function unavailableAgencyResponse(options: {
  serviceName: string;
  reason: UnavailableReason;
  timeoutMs: number;
  /** The fields through which the subgraph reports agency checks, from the supergraph. */
  agencyChecks: readonly AgencyCheckField[];
  document: DocumentNode | undefined;
  variables: Record<string, unknown> | undefined;
}): GatewayGraphQLResponse {
  const errors = [unavailableError(options.serviceName, options.reason, options.timeoutMs)];
  const representations = options.variables?.representations;
  const selectionSet = options.document ? entitiesSelection(options.document) : undefined;
  if (!options.document || !selectionSet || !Array.isArray(representations)) return { errors };
  const synthesis: Synthesis = {
    fragments: new Map(
      options.document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    checks: new Map(
      options.agencyChecks.map((check) => [
        coordinate(check.typeName, check.fieldName),
        check.agency,
      ]),
    ),
  };
  const entities = representations.map((representation) => {
    const typeName = typeNameOf(representation);
    return typeName ? unavailableEntity(selectionSet, typeName, synthesis) : null;
  });
  return { data: { _entities: entities }, errors };
}

/** Whether a formatted error is one this module wrote (so its message is safe to pass on). */
function isUnavailableAgencyError(formatted: GraphQLFormattedError): boolean {
  const extensions = formatted.extensions;
  return (
    extensions?.code === DOWNSTREAM_SERVICE_ERROR &&
    typeof extensions.serviceName === "string" &&
    typeof extensions.reason === "string" &&
    REASONS.has(extensions.reason)
  );
}

/**
 * The gateway's `formatError`: unavailable-agency errors pass with only their code, service and
 * reason (whatever else a wrapper added stays behind); everything else is masked as before.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!isUnavailableAgencyError(formatted)) return maskUnexpectedErrors(formatted);
  const { code, serviceName, reason } = formatted.extensions ?? {};
  return {
    message: formatted.message,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, serviceName, reason },
  };
}
