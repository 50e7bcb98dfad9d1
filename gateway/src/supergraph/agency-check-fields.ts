import { type DocumentNode, Kind } from "graphql";
import { argumentsOf, subgraphNames, subgraphsResolvingField } from "./join-graphs.js";

// The gateway knows agencies only through the supergraph. A subgraph says which of its fields
// reports an agency's check with `@agencyCheck(agency: …)`, a directive it links from the MASH
// agency spec and composes into the supergraph (`@composeDirective`): when that subgraph does not
// answer, the gateway puts AGENCY_UNAVAILABLE for that agency in the field. No field name, agency
// name or subgraph name is assumed.

/** The MASH agency spec: `@link(url: "https://specs.mash-graph.org/agency/v1.0", …)`. */
export const AGENCY_SPEC = "https://specs.mash-graph.org/agency/";

/** The directive's name in the spec. */
const AGENCY_CHECK = "agencyCheck";

/** A field through which one subgraph reports an agency's check. */
export interface AgencyCheckField {
  /** The entity type the field is on, e.g. `Enquiry`. */
  typeName: string;
  fieldName: string;
  /** The `Agency` enum value the check is for, e.g. `HEALTH`. */
  agency: string;
}

/** `@x` → `x`. */
function bare(name: unknown): string | undefined {
  return typeof name === "string" ? name.replace(/^@/, "") : undefined;
}

/**
 * The directive's name in this supergraph: as imported (or renamed) by the `@link` to the agency
 * spec, `<as or spec name>__agencyCheck` when linked without importing it, or none at all when the
 * supergraph does not link the spec (any supergraph from elsewhere).
 */
function agencyCheckName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== "link") continue;
      const link = argumentsOf(directive);
      if (typeof link.url !== "string" || !link.url.startsWith(AGENCY_SPEC)) continue;
      for (const entry of Array.isArray(link.import) ? link.import : []) {
        if (bare(entry) === AGENCY_CHECK) return AGENCY_CHECK;
        const renamed = entry as { name?: unknown; as?: unknown };
        if (bare(renamed.name) === AGENCY_CHECK) return bare(renamed.as) ?? AGENCY_CHECK;
      }
      return `${bare(link.as) ?? "agency"}__${AGENCY_CHECK}`;
    }
  }
  return undefined;
}

/**
 * Per subgraph name, the fields through which it reports agency checks, read from the composed
 * `@agencyCheck` directives. Empty for a supergraph that does not link the agency spec.
 */
export function agencyCheckFields(document: DocumentNode): Map<string, AgencyCheckField[]> {
  const bySubgraph = new Map<string, AgencyCheckField[]>();
  const directiveName = agencyCheckName(document);
  if (!directiveName) return bySubgraph;
  const names = subgraphNames(document);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const marker = field.directives?.find((directive) => directive.name.value === directiveName);
      const agency = marker ? argumentsOf(marker).agency : undefined;
      if (typeof agency !== "string") continue;
      const check = { typeName: definition.name.value, fieldName: field.name.value, agency };
      for (const subgraph of subgraphsResolvingField(definition, field, names)) {
        bySubgraph.set(subgraph, [...(bySubgraph.get(subgraph) ?? []), check]);
      }
    }
  }
  return bySubgraph;
}
