import type { GraphQLOutputType } from "graphql";

/**
 * What `completeResponse` needs to turn the data of a filtered operation back into the shape the
 * caller asked for. It mirrors the requested operation (fragments inlined, @include/@skip
 * evaluated), level by level, but only as far as response keys, types and type conditions go:
 * argument values and directives are gone, so it can be kept next to a cached query plan.
 *
 * Callers treat it as opaque: build it with `filterOperation`, hand it to `completeResponse`.
 */
export interface CompletionPlan {
  /** The root object's plan; null when nothing requested was authorized (data is null). */
  readonly root: ObjectPlan | null;
}

/** One object level: the selection set of the root operation or of one field. */
export interface ObjectPlan {
  /** The static type of the objects at this level (the field's named return type). */
  readonly typeName: string;
  /**
   * True when `typeName` is an object type, so every object here is known to be of that type.
   * Otherwise the concrete type is read from one of `hiddenKeys`, if the filter added one.
   */
  readonly concrete: boolean;
  /**
   * Response keys of `__typename` selections the filter added (never requested by the caller):
   * read to learn the concrete type, then stripped.
   */
  readonly hiddenKeys: readonly string[];
  /** The requested selections, in document order. */
  readonly entries: readonly PlanEntry[];
  /** False when data at this level (and below) can be returned untouched. */
  readonly needsWork: boolean;
}

export type PlanEntry = FieldEntry | FragmentEntry;

export interface FieldEntry {
  readonly kind: "field";
  /** The response key: the alias, or the field name. */
  readonly key: string;
  /** The field's declared type: decides null propagation and how many list levels to walk. */
  readonly type: GraphQLOutputType;
  /** True when the filter removed this selection (authorization, or an emptied selection set). */
  readonly removed: boolean;
  /** The field's own selection set, for composite fields that were kept. */
  readonly selection: ObjectPlan | null;
}

export interface FragmentEntry {
  readonly kind: "fragment";
  /**
   * Concrete type names the fragment applies to, or null when it applies to every object that
   * can appear at this level (no type condition, or one every possible type satisfies).
   */
  readonly appliesTo: ReadonlySet<string> | null;
  /** True when the filter removed the whole fragment (its type condition's requirement). */
  readonly removed: boolean;
  readonly entries: readonly PlanEntry[];
  readonly needsWork: boolean;
}
