import {
  HIDDEN_LOG_TYPENAME,
  HIDDEN_PREFIX,
  HIDDEN_SUBJECT_ID,
} from "@mash/access-log/subject-ids";
import { type Holder, isMet, policiesNamed } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { HIDDEN_TYPENAME_KEY } from "../authorization/filter-operation.js";

/** What an answer, as sent, held: the access log records this, not what was asked. */
export interface AnswerRead {
  /** `Type.field` of every protected field with a non-null value in the answer (sorted, unique). */
  returned: string[];
  /** The subjects whose objects appear in the answer. */
  subjectIds: Set<string>;
  /**
   * The subjects whose break-glass items the answer held, released only because of a grant; null
   * stands for an item not under any subject (then every grant in force is cited).
   */
  releasedByBreakGlass: Set<string | null>;
}

export interface AnswerInput {
  schema: GraphQLSchema;
  index: RequirementIndex;
  holder: Holder;
  /** The document executed (with the hidden selections) and its operation. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** The data sent to the caller (filtered fields null, nulls propagated). */
  answer: Record<string, unknown> | null;
  /** The data as executed: same shape where the answer is non-null, with the hidden selections. */
  executed: Record<string, unknown> | null;
  subjectType: string;
}

type Json = Record<string, unknown>;

interface Walk {
  input: AnswerInput;
  fragments: Map<string, FragmentDefinitionNode>;
  returned: Set<string>;
  subjectIds: Set<string>;
  releasedByBreakGlass: Set<string | null>;
  withoutBreakGlass: Holder;
}

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isExecuted(
  node: Parameters<typeof getDirectiveValues>[1],
  variables: Record<string, unknown>,
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * Walks the answer with the executed document and names what it held: every protected field whose
 * value is not null, the subjects it is about, and where a break-glass grant was what released an
 * item. A field the gateway removed, a subgraph refused, or that had no data is null here, so it is
 * not counted as returned.
 */
export function readAnswer(input: AnswerInput): AnswerRead {
  const walk: Walk = {
    input,
    fragments: new Map(
      input.document.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    returned: new Set(),
    subjectIds: new Set(),
    releasedByBreakGlass: new Set(),
    withoutBreakGlass: {
      ...input.holder,
      policies: new Set([...input.holder.policies].filter((policy) => policy !== "break-glass")),
    },
  };
  const root = input.schema.getRootType(input.operation.operation);
  if (root && input.answer) {
    walkObject(walk, input.operation.selectionSet, root, input.answer, input.executed ?? {}, null);
  }
  return {
    returned: [...walk.returned].sort(),
    subjectIds: walk.subjectIds,
    releasedByBreakGlass: walk.releasedByBreakGlass,
  };
}

/** The object's concrete type: static for object types, else what a __typename in the data says. */
function concreteType(
  schema: GraphQLSchema,
  type: GraphQLCompositeType,
  executed: Json,
): GraphQLObjectType | null {
  if (isObjectType(type)) return type;
  for (const [key, value] of Object.entries(executed)) {
    const typename =
      key === HIDDEN_LOG_TYPENAME || key.startsWith(HIDDEN_TYPENAME_KEY) || key === "__typename"
        ? value
        : undefined;
    if (typeof typename !== "string") continue;
    const found = schema.getType(typename);
    if (isObjectType(found)) return found;
  }
  return null;
}

function fragmentApplies(
  schema: GraphQLSchema,
  condition: string | undefined,
  concrete: GraphQLObjectType | null,
): boolean {
  if (!condition || !concrete) return true;
  if (condition === concrete.name) return true;
  const type = schema.getType(condition);
  return isAbstractType(type) && schema.isSubType(type, concrete);
}

function walkObject(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
  answer: Json,
  executed: Json,
  enclosingSubject: string | null,
): void {
  const { schema, subjectType, variables } = walk.input;
  const concrete = concreteType(schema, type, executed);
  let subject = enclosingSubject;
  if (concrete?.name === subjectType) {
    const id = executed[HIDDEN_SUBJECT_ID] ?? answer.id;
    if (typeof id === "string") {
      subject = id;
      walk.subjectIds.add(id);
    }
  }
  for (const selection of selectionSet.selections) {
    if (!isExecuted(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      walkField(walk, selection, type, answer, executed, subject);
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition?.name.value;
    if (!fragmentApplies(schema, condition, concrete)) continue;
    const scope = condition ? schema.getType(condition) : type;
    if (!isCompositeType(scope)) continue;
    walkObject(walk, fragment.selectionSet, scope, answer, executed, subject);
  }
}

function walkField(
  walk: Walk,
  node: FieldNode,
  scope: GraphQLCompositeType,
  answer: Json,
  executed: Json,
  subject: string | null,
): void {
  const name = node.name.value;
  const key = node.alias?.value ?? name;
  // Meta fields, and the selections the gateway added for its own use, are nobody's data.
  if (name.startsWith("__") || key.startsWith(HIDDEN_PREFIX)) return;
  const value = answer[key];
  if (value === null || value === undefined) return;
  const field = "getFields" in scope ? scope.getFields()[name] : undefined;
  if (!field) return;
  const { index, schema, holder } = walk.input;
  const requirement = index.fieldRequirement(schema, scope, field);
  if (requirement.scopes.length > 0 || requirement.policies.length > 0) {
    walk.returned.add(`${scope.name}.${name}`);
    if (
      policiesNamed(requirement).has("break-glass") &&
      isMet(requirement, holder) &&
      !isMet(requirement, walk.withoutBreakGlass)
    ) {
      walk.releasedByBreakGlass.add(subject);
    }
  }
  const named = getNamedType(field.type);
  if (!node.selectionSet || !isCompositeType(named)) return;
  walkValue(walk, node.selectionSet, named, value, executed[key], subject);
}

/** Lists (at any depth) are walked item by item, the answer and the executed data side by side. */
function walkValue(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLCompositeType,
  answer: unknown,
  executed: unknown,
  subject: string | null,
): void {
  if (Array.isArray(answer)) {
    const executedItems = Array.isArray(executed) ? executed : [];
    answer.forEach((item, i) => {
      walkValue(walk, selectionSet, type, item, executedItems[i], subject);
    });
    return;
  }
  if (!isJson(answer)) return;
  walkObject(walk, selectionSet, type, answer, isJson(executed) ? executed : {}, subject);
}
