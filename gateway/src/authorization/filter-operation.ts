import { type Holder, isMet } from "@mash/schema/authorization/requirement";
import type { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getDirectiveValues,
  getNamedType,
  type InlineFragmentNode,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionNode,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  visit,
} from "graphql";
import type {
  CompletionPlan,
  FieldEntry,
  FragmentEntry,
  ObjectPlan,
  PlanEntry,
} from "./completion-plan.js";
import { coerceVariables, fragmentDefinitions, selectOperation } from "./operation-input.js";
import { type UnmetRequirementReason, unmetReason } from "./unmet-requirement.js";

export type { CompletionPlan } from "./completion-plan.js";

/** Enough for any real client operation; far below what fragment fan-out can blow up to. */
export const DEFAULT_MAX_SELECTIONS = 50_000;

/** The response key of the `__typename` the filter adds where completion must know an object's type. */
export const HIDDEN_TYPENAME_KEY = "__mashTypename";

/** The path element standing for "every item of a list", as in the Router's paths. */
export const LIST_PATH_ELEMENT = "@";

export interface FilterInput {
  /** The API schema (no directives on it). */
  schema: GraphQLSchema;
  /** Requirements read from the supergraph SDL. */
  index: RequirementIndex;
  /** The caller's grants. */
  holder: Holder;
  /** Already validated against `schema`. */
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** Selections the operation may have once fragments are inlined (default 50,000). */
  maxSelections?: number;
}

export interface FilterResult {
  /**
   * What to execute: fragments inlined, @include/@skip evaluated, unauthorized selections removed,
   * unused variable definitions removed. Null when nothing requested is authorized (then data
   * must be null).
   */
  document: DocumentNode | null;
  /**
   * One path per removed selection: response keys (aliases), and "@" for each list level, e.g.
   * ["subjects","nodes","@","police","intelligence"]. Deduplicated, in document order. A removed
   * fragment reports the path of its enclosing field; a protected root type reports [].
   */
  unauthorizedPaths: string[][];
  /** Why each path of `unauthorizedPaths` was removed (same order). */
  unauthorizedReasons: UnmetRequirementReason[];
  /** Everything completeResponse needs to put the nulls back; opaque to callers. */
  completion: CompletionPlan;
  /** True when anything was removed. */
  changed: boolean;
}

/**
 * Removes from an operation every selection the holder may not see, before query planning, so no
 * subgraph is ever asked for it (the Apollo Router's authorization filtering). The same input
 * always gives a structurally identical document, so its printed form can key a plan cache.
 *
 * Throws a GraphQLError for an operation that cannot be selected (OPERATION_RESOLUTION_FAILURE),
 * invalid variables (BAD_USER_INPUT) or an operation too large once inlined (OPERATION_TOO_LARGE).
 */
export function filterOperation(input: FilterInput): FilterResult {
  const { schema, index, holder, document } = input;
  const operation = selectOperation(document, input.operationName);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) {
    throw new GraphQLError(`Schema is not configured to execute ${operation.operation} operation.`);
  }
  const context: FilterContext = {
    schema,
    index,
    holder,
    variables: coerceVariables(schema, operation, input.variables),
    fragments: fragmentDefinitions(document),
    maxSelections: input.maxSelections ?? DEFAULT_MAX_SELECTIONS,
    selectionCount: 0,
    spreading: [],
    paths: new PathRecorder(),
  };

  let root: Level | null = null;
  const rootRequirement = index.typeRequirement(rootType.name);
  if (isMet(rootRequirement, holder)) {
    root = filterLevel(context, rootType, operation.selectionSet.selections, []);
  } else {
    // A requirement on the root type itself covers the whole operation (the Router drops it all).
    context.paths.record([], unmetReason(rootRequirement, holder));
  }
  const selectionSet = root?.selectionSet ?? null;

  const unauthorizedPaths = context.paths.paths;
  return {
    document: selectionSet ? outputDocument(operation, selectionSet) : null,
    unauthorizedPaths,
    unauthorizedReasons: context.paths.reasons,
    completion: { root: selectionSet ? (root?.plan ?? null) : null },
    changed: unauthorizedPaths.length > 0,
  };
}

interface FilterContext {
  readonly schema: GraphQLSchema;
  readonly index: RequirementIndex;
  readonly holder: Holder;
  /** Coerced variable values, for @include/@skip. */
  readonly variables: Record<string, unknown>;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly maxSelections: number;
  selectionCount: number;
  /** Names of the fragments being inlined, innermost last: guards against cycles. */
  readonly spreading: string[];
  readonly paths: PathRecorder;
}

/** Collects unauthorized paths once each, in the order they are met. */
class PathRecorder {
  readonly paths: string[][] = [];
  readonly reasons: UnmetRequirementReason[] = [];
  readonly #seen = new Set<string>();

  record(path: readonly string[], reason: UnmetRequirementReason): void {
    const key = JSON.stringify(path);
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.paths.push([...path]);
    this.reasons.push(reason);
  }
}

/** The outcome for one selection: what goes into the output, and what completion must know. */
interface Filtered<T extends SelectionNode = SelectionNode> {
  readonly selection: T | null;
  readonly entry: PlanEntry;
}

/**
 * One object level: its output selection set, and its completion plan. A null selection set means
 * the authorization filter left nothing to select here: the enclosing field is removed too (it
 * will read as null) without an error of its own, since its children's errors explain it. Its plan
 * is kept all the same, in case the same response key is also selected, and kept, elsewhere.
 */
interface Level {
  readonly selectionSet: SelectionSetNode | null;
  readonly plan: ObjectPlan;
}

/** Filters the selection set of one object level (the root, or one field's). */
function filterLevel(
  context: FilterContext,
  type: GraphQLCompositeType,
  selections: readonly SelectionNode[],
  prefix: readonly string[],
): Level {
  const { kept, entries } = filterSelections(context, type, selections, prefix);
  const plan: ObjectPlan = {
    typeName: type.name,
    concrete: isObjectType(type),
    hiddenKeys: [],
    entries,
    needsWork: entries.some(needsWork),
  };
  if (kept.length === 0 && entries.some(containsRemoval)) return { selectionSet: null, plan };

  // Completion needs each object's concrete type where a fragment that only some of the possible
  // types match has something to put back. And a selection set left empty only by @skip/@include
  // (graphql-js answers `{}`) still needs one field to be valid: the hidden __typename serves both.
  const needsTypename =
    kept.length === 0 || (isAbstractType(type) && entries.some(hasConditionalWork));
  if (!needsTypename) return { selectionSet: selectionSetOf(kept), plan };
  const hiddenKey = unusedResponseKey(kept);
  return {
    selectionSet: selectionSetOf([...kept, hiddenTypenameField(hiddenKey)]),
    plan: { ...plan, hiddenKeys: [hiddenKey], needsWork: true },
  };
}

function filterSelections(
  context: FilterContext,
  scope: GraphQLCompositeType,
  selections: readonly SelectionNode[],
  prefix: readonly string[],
): { kept: SelectionNode[]; entries: PlanEntry[] } {
  const kept: SelectionNode[] = [];
  const entries: PlanEntry[] = [];
  for (const selection of selections) {
    countSelection(context);
    // A selection that will not be executed is neither authorized nor reported.
    if (!isExecuted(context, selection)) continue;
    const filtered = filterSelection(context, scope, selection, prefix);
    if (filtered.selection) kept.push(filtered.selection);
    entries.push(filtered.entry);
  }
  return { kept, entries };
}

function filterSelection(
  context: FilterContext,
  scope: GraphQLCompositeType,
  selection: SelectionNode,
  prefix: readonly string[],
): Filtered {
  switch (selection.kind) {
    case Kind.FIELD:
      return filterField(context, scope, selection, prefix);
    case Kind.INLINE_FRAGMENT:
    case Kind.FRAGMENT_SPREAD:
      return filterFragmentSelection(context, scope, selection, prefix);
  }
}

function filterField(
  context: FilterContext,
  scope: GraphQLCompositeType,
  node: FieldNode,
  prefix: readonly string[],
): Filtered<FieldNode> {
  const key = node.alias?.value ?? node.name.value;
  const field = fieldDefinition(context.schema, scope, node.name.value);
  const path = [...prefix, key];
  const unmet = unmetFieldRequirement(context, scope, field);
  if (unmet) {
    context.paths.record(path, unmet);
    return { selection: null, entry: removedField(key, field.type) };
  }
  if (!node.selectionSet) {
    return { selection: outputField(node, undefined), entry: keptField(key, field.type, null) };
  }
  const childPrefix = [...path, ...listLevels(field.type).map(() => LIST_PATH_ELEMENT)];
  const level = filterLevel(
    context,
    compositeType(getNamedType(field.type)),
    node.selectionSet.selections,
    childPrefix,
  );
  if (!level.selectionSet) {
    return { selection: null, entry: removedField(key, field.type, level.plan) };
  }
  return {
    selection: outputField(node, level.selectionSet),
    entry: keptField(key, field.type, level.plan),
  };
}

/**
 * Inline fragments and fragment spreads alike become inline fragments with their type condition:
 * same semantics, and the output no longer depends on where a named fragment was spread.
 */
function filterFragmentSelection(
  context: FilterContext,
  scope: GraphQLCompositeType,
  selection: InlineFragmentNode | FragmentSpreadNode,
  prefix: readonly string[],
): Filtered<InlineFragmentNode> {
  const { condition, selectionSet } = fragmentParts(context, selection);
  return inSpread(context, selection, () =>
    filterFragment(context, scope, condition, selectionSet, selection.directives, prefix),
  );
}

function filterFragment(
  context: FilterContext,
  scope: GraphQLCompositeType,
  condition: GraphQLCompositeType | null,
  selectionSet: SelectionSetNode,
  directives: readonly DirectiveNode[] | undefined,
  prefix: readonly string[],
): Filtered<InlineFragmentNode> {
  const appliesTo = condition ? applicability(context.schema, scope, condition) : null;
  const conditionRequirement = condition ? context.index.typeRequirement(condition.name) : null;
  if (condition && conditionRequirement && !isMet(conditionRequirement, context.holder)) {
    // The fragment's fields read as null wherever it applies: remember them for completion.
    context.paths.record(
      enclosingFieldPath(prefix),
      unmetReason(conditionRequirement, context.holder),
    );
    const entries = removedEntries(context, condition, selectionSet.selections);
    return {
      selection: null,
      entry: { kind: "fragment", appliesTo, removed: true, entries, needsWork: true },
    };
  }
  const { kept, entries } = filterSelections(
    context,
    condition ?? scope,
    selectionSet.selections,
    prefix,
  );
  const entry: FragmentEntry = {
    kind: "fragment",
    appliesTo,
    removed: false,
    entries,
    needsWork: entries.some(needsWork),
  };
  if (kept.length === 0) return { selection: null, entry };
  const selection: InlineFragmentNode = {
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: condition
      ? { kind: Kind.NAMED_TYPE, name: nameNode(condition.name) }
      : undefined,
    directives: keptDirectives(directives),
    selectionSet: selectionSetOf(kept),
  };
  return { selection, entry };
}

/**
 * The plan entries of a fragment removed as a whole: its fields read as null. `__typename` is left
 * out rather than nulled: it is non-null (a null would wipe out the parent) and naming the
 * protected type would tell the caller what the fragment hid.
 */
function removedEntries(
  context: FilterContext,
  scope: GraphQLCompositeType,
  selections: readonly SelectionNode[],
): PlanEntry[] {
  const entries: PlanEntry[] = [];
  for (const selection of selections) {
    countSelection(context);
    if (!isExecuted(context, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === TypeNameMetaFieldDef.name) continue;
      const field = fieldDefinition(context.schema, scope, selection.name.value);
      entries.push(removedField(selection.alias?.value ?? selection.name.value, field.type));
      continue;
    }
    const { condition, selectionSet } = fragmentParts(context, selection);
    const inner = inSpread(context, selection, () =>
      removedEntries(context, condition ?? scope, selectionSet.selections),
    );
    entries.push({
      kind: "fragment",
      appliesTo: condition ? applicability(context.schema, scope, condition) : null,
      removed: true,
      entries: inner,
      needsWork: true,
    });
  }
  return entries;
}

function fragmentParts(
  context: FilterContext,
  selection: InlineFragmentNode | FragmentSpreadNode,
): { condition: GraphQLCompositeType | null; selectionSet: SelectionSetNode } {
  if (selection.kind === Kind.INLINE_FRAGMENT) {
    const condition = selection.typeCondition
      ? namedCompositeType(context, selection.typeCondition)
      : null;
    return { condition, selectionSet: selection.selectionSet };
  }
  const definition = context.fragments.get(selection.name.value);
  if (!definition) {
    throw new GraphQLError(`Unknown fragment "${selection.name.value}".`, { nodes: selection });
  }
  return {
    condition: namedCompositeType(context, definition.typeCondition),
    selectionSet: definition.selectionSet,
  };
}

/** Runs `run` with a fragment spread marked as being inlined, refusing cycles. */
function inSpread<T>(
  context: FilterContext,
  selection: InlineFragmentNode | FragmentSpreadNode,
  run: () => T,
): T {
  if (selection.kind === Kind.INLINE_FRAGMENT) return run();
  const name = selection.name.value;
  if (context.spreading.includes(name)) {
    throw new GraphQLError(`Cannot spread fragment "${name}" within itself.`, { nodes: selection });
  }
  context.spreading.push(name);
  try {
    return run();
  } finally {
    context.spreading.pop();
  }
}

// ---- authorization -------------------------------------------------------------------------

/** Null when the holder may see the field; otherwise why not. */
function unmetFieldRequirement(
  context: FilterContext,
  scope: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
): UnmetRequirementReason | null {
  // __typename is always allowed, and introspection (__schema, __type) lists protected fields too.
  if (field.name.startsWith("__")) return null;
  const requirement = context.index.fieldRequirement(context.schema, scope, field);
  return isMet(requirement, context.holder) ? null : unmetReason(requirement, context.holder);
}

function isExecuted(context: FilterContext, node: SelectionNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, context.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, context.variables);
  return include?.if !== false;
}

/** Counts every selection visited once fragments are inlined, so fan-out cannot run away. */
function countSelection(context: FilterContext): void {
  context.selectionCount += 1;
  if (context.selectionCount > context.maxSelections) {
    throw new GraphQLError(
      `The operation is too large: more than ${context.maxSelections} selections once fragments are inlined.`,
      { extensions: { code: "OPERATION_TOO_LARGE" } },
    );
  }
}

// ---- plan entries --------------------------------------------------------------------------

function keptField(key: string, type: GraphQLOutputType, selection: ObjectPlan | null): FieldEntry {
  return { kind: "field", key, type, removed: false, selection };
}

function removedField(
  key: string,
  type: GraphQLOutputType,
  selection: ObjectPlan | null = null,
): FieldEntry {
  return { kind: "field", key, type, removed: true, selection };
}

function needsWork(entry: PlanEntry): boolean {
  if (entry.kind === "fragment") return entry.needsWork;
  return entry.removed || (entry.selection?.needsWork ?? false);
}

/** Whether the filter removed anything at this level (not counting below its fields). */
function containsRemoval(entry: PlanEntry): boolean {
  return entry.removed || (entry.kind === "fragment" && entry.entries.some(containsRemoval));
}

/** Whether a fragment that applies to only some objects here has anything to put back. */
function hasConditionalWork(entry: PlanEntry): boolean {
  if (entry.kind === "field") return false;
  if (entry.appliesTo !== null) return entry.needsWork;
  return entry.entries.some(hasConditionalWork);
}

/**
 * The concrete types a fragment on `condition` matches, or null when it matches everything that
 * can appear where it is spread (then completion needs no concrete type to apply it).
 */
function applicability(
  schema: GraphQLSchema,
  scope: GraphQLCompositeType,
  condition: GraphQLCompositeType,
): ReadonlySet<string> | null {
  const matched = concreteTypeNames(schema, condition);
  const covered = [...concreteTypeNames(schema, scope)].every((name) => matched.has(name));
  return covered ? null : matched;
}

function concreteTypeNames(schema: GraphQLSchema, type: GraphQLCompositeType): Set<string> {
  if (!isAbstractType(type)) return new Set([type.name]);
  return new Set(schema.getPossibleTypes(type).map((possible) => possible.name));
}

// ---- schema lookups ------------------------------------------------------------------------

function fieldDefinition(
  schema: GraphQLSchema,
  scope: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (scope === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  const field = isObjectType(scope) || isInterfaceType(scope) ? scope.getFields()[name] : undefined;
  // The document was validated against this schema, so this only guards a wiring mistake.
  if (!field) throw new GraphQLError(`Cannot query field "${name}" on type "${scope.name}".`);
  return field;
}

function namedCompositeType(
  context: FilterContext,
  node: { name: { value: string } },
): GraphQLCompositeType {
  const type = context.schema.getType(node.name.value);
  if (!type) throw new GraphQLError(`Unknown type "${node.name.value}".`);
  return compositeType(type);
}

function compositeType(type: unknown): GraphQLCompositeType {
  if (!isCompositeType(type)) throw new GraphQLError(`Expected a composite type, got ${type}.`);
  return type;
}

/** One element per list level of a field's type: [[T!]]! has two. */
function listLevels(type: GraphQLOutputType): null[] {
  const levels: null[] = [];
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) levels.push(null);
    current = current.ofType;
  }
  return levels;
}

/** A fragment sits inside a field's selection set: its errors belong to that field. */
function enclosingFieldPath(prefix: readonly string[]): string[] {
  let end = prefix.length;
  while (end > 0 && prefix[end - 1] === LIST_PATH_ELEMENT) end -= 1;
  return prefix.slice(0, end);
}

// ---- output document -----------------------------------------------------------------------

function nameNode(value: string) {
  return { kind: Kind.NAME, value } as const;
}

/** @include/@skip have been evaluated; any other directive is the executor's business. */
function keptDirectives(directives: readonly DirectiveNode[] | undefined): DirectiveNode[] {
  return (directives ?? []).filter(
    (directive) =>
      directive.name.value !== GraphQLIncludeDirective.name &&
      directive.name.value !== GraphQLSkipDirective.name,
  );
}

function selectionSetOf(selections: readonly SelectionNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections };
}

function outputField(node: FieldNode, selectionSet: SelectionSetNode | undefined): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: node.alias,
    name: node.name,
    arguments: node.arguments,
    directives: keptDirectives(node.directives),
    selectionSet,
  };
}

function hiddenTypenameField(key: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: nameNode(key),
    name: nameNode(TypeNameMetaFieldDef.name),
  };
}

/** The reserved key, unless the caller already uses it at this level (then a numbered one). */
function unusedResponseKey(selections: readonly SelectionNode[]): string {
  const used = responseKeys(selections, new Set());
  let key = HIDDEN_TYPENAME_KEY;
  for (let n = 1; used.has(key); n += 1) key = `${HIDDEN_TYPENAME_KEY}${n}`;
  return key;
}

function responseKeys(selections: readonly SelectionNode[], into: Set<string>): Set<string> {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) into.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      responseKeys(selection.selectionSet.selections, into);
    }
  }
  return into;
}

/** The operation alone (fragments are inlined), keeping only the variables still used. */
function outputDocument(
  operation: OperationDefinitionNode,
  selectionSet: SelectionSetNode,
): DocumentNode {
  const directives = operation.directives ?? [];
  const used = variablesUsed([selectionSet, ...directives]);
  const output: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: operation.operation,
    name: operation.name,
    variableDefinitions: (operation.variableDefinitions ?? []).filter((definition) =>
      used.has(definition.variable.name.value),
    ),
    directives,
    selectionSet,
  };
  return { kind: Kind.DOCUMENT, definitions: [output] };
}

function variablesUsed(nodes: readonly ASTNode[]): Set<string> {
  const used = new Set<string>();
  for (const node of nodes) {
    visit(node, {
      Variable(variable) {
        used.add(variable.name.value);
      },
    });
  }
  return used;
}
