import { type DocumentNode, Kind } from "graphql";

/**
 * Maps every enum in an SDL document to the stored form of its values: GraphQL's `NO_FURTHER_ACTION`
 * is `no_further_action` in the database. One rule for all enums means resolvers return rows as
 * they are, and a value added to the SDL needs no resolver change.
 */
export function enumValueResolvers(typeDefs: DocumentNode): Record<string, Record<string, string>> {
  const resolvers: Record<string, Record<string, string>> = {};
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    const values: Record<string, string> = {};
    for (const value of definition.values ?? []) {
      values[value.name.value] = value.name.value.toLowerCase();
    }
    resolvers[definition.name.value] = values;
  }
  return resolvers;
}
