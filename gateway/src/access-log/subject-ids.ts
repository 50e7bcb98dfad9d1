import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  getNamedType,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** The response key under which the gateway asks for every subject's id, whatever the client asked. */
export const HIDDEN_SUBJECT_ID = "__mashSubjectId";

const hiddenIdField: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: HIDDEN_SUBJECT_ID },
  name: { kind: Kind.NAME, value: "id" },
};

/**
 * The access log names the subjects a request touched, including when the client did not select
 * their ids: every selection set on the subject type gets a hidden `id`, taken out of the answer
 * again by `takeSubjectIds`.
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
          if (!parent || getNamedType(parent).name !== subjectType) return undefined;
          return { ...node, selections: [...node.selections, hiddenIdField] };
        },
      },
    }),
  );
}

/** Collects the hidden subject ids from an answer, removing them from it. */
export function takeSubjectIds(data: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) takeSubjectIds(item, found);
    return found;
  }
  if (typeof data !== "object" || data === null) return found;
  const record = data as Record<string, unknown>;
  const id = record[HIDDEN_SUBJECT_ID];
  if (typeof id === "string") found.add(id);
  delete record[HIDDEN_SUBJECT_ID];
  for (const value of Object.values(record)) takeSubjectIds(value, found);
  return found;
}
