import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** Every response key the gateway adds for its own use starts with this. */
export const HIDDEN_PREFIX = "__mash";

/** The response key under which the gateway asks for every subject's id, whatever the client asked. */
export const HIDDEN_SUBJECT_ID = "__mashSubjectId";
/** The response key under which the gateway asks for the concrete type of an abstract-typed object. */
export const HIDDEN_LOG_TYPENAME = "__mashLogTypename";

function hiddenField(alias: string, name: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
  };
}

const hiddenIdField = hiddenField(HIDDEN_SUBJECT_ID, "id");
const hiddenTypenameField = hiddenField(HIDDEN_LOG_TYPENAME, "__typename");

/**
 * The access log names the subjects whose data an answer held, including when the client did not
 * select their ids: every selection set on the subject type gets a hidden `id`; every selection set
 * on an interface or union a hidden `__typename`, so the log knows which type's field a value is.
 * `stripHiddenSelections` takes them out of the answer again.
 */
export function withSubjectIdSelections(
  document: DocumentNode,
  schema: GraphQLSchema,
  subjectType: string,
): DocumentNode {
  if (!schema.getType(subjectType)) return document;
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node: SelectionSetNode) {
          const parent = typeInfo.getParentType();
          if (!parent) return undefined;
          const named = getNamedType(parent);
          if (named.name === subjectType) {
            return { ...node, selections: [...node.selections, hiddenIdField] };
          }
          if (isAbstractType(named)) {
            return { ...node, selections: [...node.selections, hiddenTypenameField] };
          }
          return undefined;
        },
      },
    }),
  );
}

/** Removes the hidden selections from an answer, in place. */
export function stripHiddenSelections(data: unknown): void {
  if (Array.isArray(data)) {
    for (const item of data) stripHiddenSelections(item);
    return;
  }
  if (typeof data !== "object" || data === null) return;
  const record = data as Record<string, unknown>;
  delete record[HIDDEN_SUBJECT_ID];
  delete record[HIDDEN_LOG_TYPENAME];
  for (const value of Object.values(record)) stripHiddenSelections(value);
}
