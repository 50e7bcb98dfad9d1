import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
} from "graphql";

/**
 * The operation graphql-js would execute: the one named, or the only one. The document has been
 * validated, but the operation name comes from the request and has not.
 */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) {
    const named = operations.find((operation) => operation.name?.value === operationName);
    if (named) return named;
    throw resolutionError(`Unknown operation named "${operationName}".`);
  }
  const [only, ...others] = operations;
  if (!only) throw resolutionError("Must provide an operation.");
  if (others.length > 0) {
    throw resolutionError("Must provide operation name if query contains multiple operations.");
  }
  return only;
}

function resolutionError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } });
}

export function fragmentDefinitions(
  document: DocumentNode,
): ReadonlyMap<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/**
 * The variables coerced as execution will coerce them, so @include/@skip are evaluated exactly as
 * graphql-js would (defaults included). Invalid variables are rejected here rather than later:
 * the filter may drop the definition of a variable only a removed field used, and execution would
 * then never report the bad value.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (result.errors) {
    const [first] = result.errors;
    throw new GraphQLError(first?.message ?? "Invalid variables.", {
      nodes: first?.nodes,
      originalError: first,
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return result.coerced;
}
