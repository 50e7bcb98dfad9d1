import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from "graphql";
import { protectedRead } from "./protected-coordinates.js";

/** What a refused request asked for, as far as the gateway can tell without running it. */
export interface RequestedOperation {
  operationName: string | null;
  operationType: string;
  /** The protected coordinates it asked for (empty when the document could not be read). */
  coordinates: string[];
}

/** Refused requests are not parsed beyond this: a flood of huge documents costs little. */
const MAX_TOKENS = 5_000;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/**
 * Reads the operation a request carried, for the entry of a request refused before it ran (at
 * sign-in or at its purpose). A document that does not parse, or names no operation it holds, is
 * still recorded, with what could be read of it.
 */
export function requestedOperation(
  schema: GraphQLSchema | undefined,
  index: RequirementIndex,
  source: unknown,
  operationName: unknown,
): RequestedOperation {
  // Only a GraphQL name is kept: the field is the caller's to fill, and the log takes no free text.
  const name =
    typeof operationName === "string" && GRAPHQL_NAME.test(operationName) ? operationName : null;
  const unreadable = { operationName: name, operationType: "unknown", coordinates: [] };
  if (typeof source !== "string" || !schema) return unreadable;
  try {
    const document = parse(source, { maxTokens: MAX_TOKENS, noLocation: true });
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = name
      ? operations.find((candidate) => candidate.name?.value === name)
      : operations[0];
    if (!operation) return unreadable;
    const only = {
      ...document,
      definitions: document.definitions.filter(
        (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
      ),
    };
    return {
      operationName: operation.name?.value ?? name,
      operationType: operation.operation,
      coordinates: protectedRead(only, schema, index).coordinates,
    };
  } catch {
    return unreadable;
  }
}
