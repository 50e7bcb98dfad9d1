import { isUuid } from "@mash/platform/graphql/ids";
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";

/** Stands in for an ID argument that is not a UUID: the log keeps ids, never free text. */
export const NOT_AN_ID = "(not a UUID)";

/** What a mutation says it will act on: its ID and enum arguments, and the subjects among them. */
export interface MutationTargets {
  /** `field.argument[.inputField…]` → the values given (UUIDs and enum values only). */
  arguments: Record<string, string[]>;
  /** Values of ID arguments named after the subject (`subjectId`, `subjectIds`). */
  subjectIds: string[];
}

function collect(
  type: GraphQLInputType,
  value: unknown,
  path: string,
  subjectKeys: ReadonlySet<string>,
  into: MutationTargets,
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    collect(type.ofType, value, path, subjectKeys, into);
    return;
  }
  if (isListType(type)) {
    if (Array.isArray(value)) {
      for (const item of value) collect(type.ofType, item, path, subjectKeys, into);
    }
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      collect(
        field.type,
        (value as Record<string, unknown>)[name],
        `${path}.${name}`,
        subjectKeys,
        into,
      );
    }
    return;
  }
  let recorded: string | null = null;
  if (isEnumType(type) && typeof value === "string") recorded = value;
  else if (getNamedType(type).name === "ID") {
    recorded = typeof value === "string" && isUuid(value) ? value.toLowerCase() : NOT_AN_ID;
    const name = path.slice(path.lastIndexOf(".") + 1);
    if (subjectKeys.has(name) && recorded !== NOT_AN_ID) into.subjectIds.push(recorded);
  }
  if (recorded === null) return;
  const values = into.arguments[path] ?? [];
  if (!values.includes(recorded)) values.push(recorded);
  into.arguments[path] = values;
}

/**
 * The targets of a mutation's root fields, read from their arguments (literals and variables):
 * enough to say which mutation acts on which records, before it runs, without keeping any of the
 * free text (reasons, notes, imported records) it carries.
 */
export function mutationTargets(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  subjectType: string;
}): MutationTargets {
  const { schema, operation, variables } = options;
  const root = schema.getMutationType();
  const targets: MutationTargets = { arguments: {}, subjectIds: [] };
  if (!root) return targets;
  const lower = options.subjectType.charAt(0).toLowerCase() + options.subjectType.slice(1);
  const subjectKeys = new Set([`${lower}Id`, `${lower}Ids`]);
  const fragments = new Map(
    options.document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment.selectionSet.selections]),
  );
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        visit(fragments.get(selection.name.value) ?? []);
        continue;
      }
      const field = root.getFields()[selection.name.value];
      if (!field) continue;
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(field, selection, variables);
      } catch {
        // Invalid arguments: execution will refuse them with its own error; nothing to target.
        continue;
      }
      for (const argument of field.args) {
        collect(
          argument.type,
          values[argument.name],
          `${field.name}.${argument.name}`,
          subjectKeys,
          targets,
        );
      }
    }
  };
  visit(operation.selectionSet.selections);
  targets.subjectIds = [...new Set(targets.subjectIds)].sort();
  for (const key of Object.keys(targets.arguments)) targets.arguments[key]?.sort();
  return targets;
}
