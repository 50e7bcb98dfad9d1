import {
  type ConstDirectiveNode,
  type DefinitionNode,
  isTypeDefinitionNode,
  Kind,
  parse,
  valueFromASTUntyped,
} from "graphql";

/** Which subgraphs define each schema coordinate of a supergraph, from its join__ directives. */
export interface SubgraphOwners {
  /** Owners of `Type`, `Type.field`, `Type.field.argument` or `Enum.VALUE`; [] when unknown. */
  of(coordinate: string): string[];
}

function argumentOf(directive: ConstDirectiveNode, name: string): unknown {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}

function graphsOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  directiveName: string,
  names: ReadonlyMap<string, string>,
): string[] {
  const graphs = new Set<string>();
  for (const directive of directives ?? []) {
    if (directive.name.value !== directiveName) continue;
    // An external field is only referenced by that subgraph, not defined there.
    if (argumentOf(directive, "external") === true) continue;
    const graph = argumentOf(directive, "graph");
    if (typeof graph === "string") graphs.add(names.get(graph) ?? graph);
  }
  return [...graphs].sort();
}

/** `HEALTH @join__graph(name: "health")` → HEALTH ↦ health. */
function graphNames(definitions: readonly DefinitionNode[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") {
      continue;
    }
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const name = graph ? argumentOf(graph, "name") : undefined;
      names.set(value.name.value, typeof name === "string" ? name : value.name.value);
    }
  }
  return names;
}

/**
 * Reads ownership from a supergraph: a type belongs to the subgraphs that declare it
 * (@join__type), a field to those that resolve it (@join__field, else all of its type's), an enum
 * value to those that define it (@join__enumValue, else all of its enum's).
 */
export function subgraphOwners(supergraphSdl: string): SubgraphOwners {
  const { definitions } = parse(supergraphSdl);
  const names = graphNames(definitions);
  const owners = new Map<string, string[]>();
  for (const definition of definitions) {
    if (!isTypeDefinitionNode(definition)) continue;
    const typeName = definition.name.value;
    const typeOwners = graphsOf(definition.directives, "join__type", names);
    if (typeOwners.length === 0) continue;
    owners.set(typeName, typeOwners);
    const fields = "fields" in definition ? (definition.fields ?? []) : [];
    for (const field of fields) {
      const fieldOwners = graphsOf(field.directives, "join__field", names);
      owners.set(
        `${typeName}.${field.name.value}`,
        fieldOwners.length > 0 ? fieldOwners : typeOwners,
      );
    }
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const value of definition.values ?? []) {
        const valueOwners = graphsOf(value.directives, "join__enumValue", names);
        owners.set(
          `${typeName}.${value.name.value}`,
          valueOwners.length > 0 ? valueOwners : typeOwners,
        );
      }
    }
  }
  return {
    of(coordinate) {
      // An argument belongs with its field: Type.field.argument → Type.field.
      const [type = "", member] = coordinate.split(".");
      return owners.get(member ? `${type}.${member}` : type) ?? owners.get(type) ?? [];
    },
  };
}
