import { type GraphQLOutputType, isListType, isNonNullType } from "graphql";
import type { CompletionPlan, FieldEntry, ObjectPlan, PlanEntry } from "./completion-plan.js";

/**
 * Marks a null that landed in a non-null position: like a field error in graphql-js, it makes the
 * nearest nullable parent null. Kept apart from `null` so the two cannot be confused.
 */
const PROPAGATE: unique symbol = Symbol("propagate null");
type Completed = unknown | typeof PROPAGATE;

type ResponseObject = Record<string, unknown>;

/**
 * Puts the data of a filtered operation back into the shape the caller requested, as the Apollo
 * Router does: every removed field reads as null wherever it applies, nulls in non-null positions
 * propagate to the nearest nullable parent (the whole of `data` if they reach the root), and the
 * `__typename` selections the filter added are stripped. Values the caller may see are returned
 * as they came; objects and lists are rebuilt only where something below changes.
 */
export function completeResponse(
  completion: CompletionPlan,
  data: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!completion.root || !data) return null;
  const completed = completeObject(completion.root, data);
  return completed === PROPAGATE ? null : completed;
}

function completeValue(
  type: GraphQLOutputType,
  value: unknown,
  plan: ObjectPlan | null,
): Completed {
  if (isNonNullType(type)) {
    const inner = completeNullable(type.ofType, value, plan);
    return inner === null ? PROPAGATE : inner;
  }
  return completeNullable(type, value, plan);
}

/** A nullable position absorbs a propagating null from below. */
function completeNullable(
  type: GraphQLOutputType,
  value: unknown,
  plan: ObjectPlan | null,
): unknown {
  if (value === null || value === undefined) return null;
  if (!plan?.needsWork) return value;
  let completed: Completed = value;
  if (isListType(type)) {
    if (Array.isArray(value)) completed = completeList(type.ofType, value, plan);
  } else if (isResponseObject(value)) {
    completed = completeObject(plan, value);
  }
  return completed === PROPAGATE ? null : completed;
}

/** One item that must not be null makes the whole list null (then its own nullability decides). */
function completeList(
  itemType: GraphQLOutputType,
  items: readonly unknown[],
  plan: ObjectPlan,
): Completed {
  const completed: unknown[] = [];
  for (const item of items) {
    const value = completeValue(itemType, item, plan);
    if (value === PROPAGATE) return PROPAGATE;
    completed.push(value);
  }
  return completed;
}

/**
 * Rebuilds one object in requested field order: kept fields from the data (completed in turn),
 * removed fields as null. Keys the plan does not know, the hidden __typename among them, are left
 * out.
 */
function completeObject(
  plan: ObjectPlan,
  value: ResponseObject,
): ResponseObject | typeof PROPAGATE {
  if (!plan.needsWork) return value;
  const fields = collectFields(plan.entries, concreteType(plan, value));
  const completed: ResponseObject = {};
  for (const [key, entries] of fields) {
    const kept = entries.filter((entry) => !entry.removed);
    const [first] = entries;
    if (kept.length === 0 && first) {
      // Removed wherever it applies to this object.
      if (isNonNullType(first.type)) return PROPAGATE;
      completed[key] = null;
      continue;
    }
    // A kept field missing from the data was not collected for this object's type.
    if (!first || !Object.hasOwn(value, key)) continue;
    // Selections removed under this key elsewhere (emptied by the filter) still read as null.
    const fieldValue = completeValue(first.type, value[key], mergedSelection(entries));
    if (fieldValue === PROPAGATE) return PROPAGATE;
    completed[key] = fieldValue;
  }
  return completed;
}

/**
 * The object's concrete type: the static type when it is an object type, otherwise what the
 * hidden __typename says. Null when neither is known, which the filter only allows where no
 * fragment that applies to just some types has anything to put back.
 */
function concreteType(plan: ObjectPlan, value: ResponseObject): string | null {
  if (plan.concrete) return plan.typeName;
  for (const key of plan.hiddenKeys) {
    const typename = value[key];
    if (typeof typename === "string") return typename;
  }
  return null;
}

/**
 * The field entries that apply to an object, grouped by response key in requested order (as
 * graphql-js collects fields). With the concrete type unknown, fragments that may not apply are
 * still walked, but only for their kept fields, which appear in the data only if they applied.
 */
function collectFields(
  entries: readonly PlanEntry[],
  concrete: string | null,
  into = new Map<string, FieldEntry[]>(),
  certain = true,
): Map<string, FieldEntry[]> {
  for (const entry of entries) {
    if (entry.kind === "field") {
      if (certain || !entry.removed) appendEntry(into, entry);
    } else if (entry.appliesTo === null) {
      collectFields(entry.entries, concrete, into, certain);
    } else if (concrete === null) {
      collectFields(entry.entries, concrete, into, false);
    } else if (entry.appliesTo.has(concrete)) {
      collectFields(entry.entries, concrete, into, certain);
    }
  }
  return into;
}

function appendEntry(into: Map<string, FieldEntry[]>, entry: FieldEntry): void {
  const existing = into.get(entry.key);
  if (existing) existing.push(entry);
  else into.set(entry.key, [entry]);
}

/**
 * One response key selected several times (in several fragments, say) is one value in the data
 * with the selection sets merged, as graphql-js merges them.
 */
function mergedSelection(entries: readonly FieldEntry[]): ObjectPlan | null {
  const plans = entries.flatMap((entry) => (entry.selection ? [entry.selection] : []));
  const [first, ...others] = plans;
  if (!first || others.length === 0) return first ?? null;
  return {
    typeName: first.typeName,
    concrete: plans.every((plan) => plan.concrete && plan.typeName === first.typeName),
    hiddenKeys: [...new Set(plans.flatMap((plan) => plan.hiddenKeys))],
    entries: plans.flatMap((plan) => plan.entries),
    needsWork: plans.some((plan) => plan.needsWork),
  };
}

function isResponseObject(value: unknown): value is ResponseObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
