import type { GraphQLResolveInfo } from "graphql";

/**
 * How a purpose-bound field (one whose requirement names the `purpose` or `break-glass` policy)
 * finds what it is about, so the subgraph can check it against the caller's declared purpose
 * before the resolver runs:
 *
 * - `subject`: data about one person; released only when that person is one of the purpose's
 *   subjects (and, for break-glass fields, covered by a grant).
 * - `enquiry`: data belonging to one MASH enquiry (its disclosures, an agency's answer to its
 *   check); released only under that very enquiry as the purpose.
 * - `arguments`: a mutation whose input names the enquiry and people it acts on; its resolver
 *   refuses input outside the purpose with a specific error (`checkedBy` says where), and the
 *   runtime still requires a verified purpose.
 *
 * Every purpose-bound field declares its scope where its resolver is defined (`aboutSubject`,
 * `aboutParentSubject`, `aboutEnquiry`, `scopedByArguments`); a subgraph with an undeclared one refuses to start, and a
 * declared scope that yields no id at run time denies the field. A forgotten rule is a failing
 * test, never a leak.
 */
export type PurposeScope =
  | { about: "subject"; of: (parent: never, args: never) => unknown }
  | { about: "enquiry"; of: (parent: never, args: never) => unknown }
  | { about: "arguments"; checkedBy: string };

const SCOPE: unique symbol = Symbol("mash.purposeScope");

type Resolve<TParent, TArgs, TContext, TResult> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult;

/** What a scope's `of` may return: an id, or nothing (then the field is denied). */
type IdOf<TParent, TArgs> = (parent: TParent, args: TArgs) => string | null | undefined;

function tagged<T extends object>(resolve: T, scope: PurposeScope): T {
  // A fresh function per declaration, so one resolver can serve fields with different scopes.
  const wrapper = ((...input: unknown[]) =>
    (resolve as (...args: unknown[]) => unknown)(...input)) as unknown as T;
  Object.defineProperty(wrapper, SCOPE, { value: scope });
  return wrapper;
}

/** Declares a field's data to be about the person `of(parent, args)` names. */
export function aboutSubject<TParent, TArgs, TContext, TResult>(
  of: IdOf<TParent, TArgs>,
  resolve: Resolve<TParent, TArgs, TContext, TResult>,
): Resolve<TParent, TArgs, TContext, TResult> {
  return tagged(resolve, { about: "subject", of: of as (parent: never, args: never) => unknown });
}

/** Declares a field's data to belong to the enquiry `of(parent, args)` names. */
export function aboutEnquiry<TParent, TArgs, TContext, TResult>(
  of: IdOf<TParent, TArgs>,
  resolve: Resolve<TParent, TArgs, TContext, TResult>,
): Resolve<TParent, TArgs, TContext, TResult> {
  return tagged(resolve, { about: "enquiry", of: of as (parent: never, args: never) => unknown });
}

/**
 * Declares that a root field's resolver checks its input against the declared purpose itself,
 * with errors specific to that input; `checkedBy` names the function that does.
 */
export function scopedByArguments<TParent, TArgs, TContext, TResult>(
  checkedBy: string,
  resolve: Resolve<TParent, TArgs, TContext, TResult>,
): Resolve<TParent, TArgs, TContext, TResult> {
  return tagged(resolve, { about: "arguments", checkedBy });
}

/** The subject an agency's section or record names, as `subjectId`: anything else is no subject. */
function parentSubjectId(parent: unknown): unknown {
  return typeof parent === "object" && parent !== null
    ? (parent as { subjectId?: unknown }).subjectId
    : undefined;
}

/**
 * Declares every resolver of one type (an agency's section, whose parent object carries the
 * `subjectId` it was loaded for) to be about that subject: the fields needing a purpose are
 * released only for a subject of it, and a parent without `subjectId` gets nothing.
 */
export function aboutParentSubject<TFields extends object>(fields: TFields): TFields {
  const declared: Record<string, unknown> = {};
  for (const [name, resolve] of Object.entries(fields)) {
    declared[name] =
      typeof resolve === "function"
        ? tagged(resolve, { about: "subject", of: parentSubjectId as (parent: never) => unknown })
        : resolve;
  }
  return declared as TFields;
}

/** The scope declared on a resolver, if any. */
export function purposeScopeOf(resolve: unknown): PurposeScope | undefined {
  if (typeof resolve !== "function") return undefined;
  return (resolve as { [SCOPE]?: PurposeScope })[SCOPE];
}
