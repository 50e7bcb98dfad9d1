import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  valueFromASTUntyped,
} from "graphql";

export interface SupergraphSubgraph {
  /** The subgraph's name, e.g. "police". */
  name: string;
  /** Its URL as composed. */
  url: string;
  /** Its `join__Graph` enum value, which `@join__type` and `@join__field` name, e.g. `POLICE`. */
  graph: string;
}

/** A directive's arguments as plain values. */
export function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries(
    (directive.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value),
    ]),
  );
}

/** The supergraph's subgraphs, from the `join__Graph` enum. */
export function subgraphsOf(document: DocumentNode): SupergraphSubgraph[] {
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") {
      continue;
    }
    for (const value of definition.values ?? []) {
      const join = value.directives?.find((directive) => directive.name.value === "join__graph");
      const { name, url } = join ? argumentsOf(join) : {};
      subgraphs.push({
        name: typeof name === "string" ? name : value.name.value,
        url: typeof url === "string" ? url : "",
        graph: value.name.value,
      });
    }
  }
  return subgraphs;
}

/** `join__Graph` enum value → subgraph name, e.g. `HEALTH` → `health`. */
export function subgraphNames(document: DocumentNode): Map<string, string> {
  return new Map(subgraphsOf(document).map(({ graph, name }) => [graph, name]));
}

/** The graphs a list of `@join__field` / `@join__type` applications names, `external` ones left out. */
function joinedGraphs(directives: readonly ConstDirectiveNode[], join: string): string[] {
  return directives
    .filter((directive) => directive.name.value === join)
    .map(argumentsOf)
    .flatMap(({ graph, external }) =>
      typeof graph === "string" && external !== true ? [graph] : [],
    );
}

/**
 * The subgraphs (by name) that resolve a field: its `@join__field`s that are not `external`, or,
 * when it has none, every subgraph that defines its type.
 */
export function subgraphsResolvingField(
  type: ObjectTypeDefinitionNode,
  field: FieldDefinitionNode,
  names: ReadonlyMap<string, string>,
): string[] {
  const fieldDirectives = field.directives ?? [];
  const graphs = fieldDirectives.some((directive) => directive.name.value === "join__field")
    ? joinedGraphs(fieldDirectives, "join__field")
    : joinedGraphs(type.directives ?? [], "join__type");
  return graphs.map((graph) => names.get(graph) ?? graph);
}

/** The subgraphs (by name) that resolve `typeName.fieldName`; none when the field is not there. */
export function subgraphsResolving(
  document: DocumentNode,
  typeName: string,
  fieldName: string,
): string[] {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== typeName) {
      continue;
    }
    const field = definition.fields?.find((candidate) => candidate.name.value === fieldName);
    return field ? subgraphsResolvingField(definition, field, subgraphNames(document)) : [];
  }
  return [];
}
