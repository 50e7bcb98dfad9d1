import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { supergraphForApolloGateway } from "@mash/gateway/authorization/supergraph-for-gateway";
import { type Holder, isMet } from "@mash/schema/authorization/requirement";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  parse,
} from "graphql";

/** The path element for "every item of a list", as the gateway (and the Router) report it. */
export const EVERY_ITEM = "@";

const SUPERGRAPH_PATH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export interface SupergraphAuthorization {
  /** The API schema clients query (no join/link machinery, no @inaccessible fields). */
  schema: GraphQLSchema;
  /** Every requirement the supergraph declares. */
  index: RequirementIndex;
}

/**
 * The committed supergraph as the gateway sees it. The API schema comes from the same library and
 * the same `for: SECURITY` adjustment @apollo/gateway uses, so the field names, nullability and
 * @inaccessible removals are exactly those the running gateway validates against; the requirements
 * are read from the untouched SDL, as the gateway reads them.
 */
export function loadSupergraphAuthorization(): SupergraphAuthorization {
  const sdl = readFileSync(SUPERGRAPH_PATH, "utf8");
  const schema = Supergraph.build(supergraphForApolloGateway(sdl)).apiSchema().toGraphQLJSSchema();
  return { schema, index: RequirementIndex.fromSdl(parse(sdl)) };
}

/** One field of a generated selection, where it sits and what it selects below it. */
export interface SelectedField {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** The gateway's path: response keys, and "@" for each list level above. */
  path: string[];
  /** Empty for a leaf (scalar or enum). */
  selections: SelectedField[];
  /** For the root field only: its arguments, as GraphQL text. */
  arguments?: string;
}

function listLevels(type: GraphQLOutputType): string[] {
  const levels: string[] = [];
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) levels.push(EVERY_ITEM);
    current = current.ofType;
  }
  return levels;
}

function objectType(type: GraphQLNamedType, where: string): GraphQLObjectType {
  // The supergraph has no interfaces or unions below Query.subject today; if one appears, the
  // generator must learn fragments rather than silently skip the fields behind it.
  if (!isObjectType(type)) {
    throw new Error(`${where} returns ${type.name}, which the matrix generator cannot select yet`);
  }
  return type;
}

function fieldsOf(type: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  return Object.values(type.getFields()).filter((field) => !field.name.startsWith("__"));
}

function select(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  prefix: readonly string[],
  visiting: ReadonlySet<string>,
): SelectedField {
  const where = `${parent.name}.${field.name}`;
  if (field.args.some(isRequiredArgument)) {
    throw new Error(`${where} has required arguments; the matrix generator cannot supply them`);
  }
  const path = [...prefix, field.name];
  const named = getNamedType(field.type);
  if (isLeafType(named)) return { parent, field, path, selections: [] };
  const type = objectType(named, where);
  const childPrefix = [...path, ...listLevels(field.type)];
  const selections = visiting.has(type.name)
    ? revisitSelections(type, childPrefix)
    : fieldsOf(type).map((child) =>
        select(type, child, childPrefix, new Set([...visiting, type.name])),
      );
  return { parent, field, path, selections };
}

/**
 * A type met again below itself (a household member or a relative is a Subject too): its leaf
 * fields and the `known` flag of each section, enough to show what the caller may learn about the
 * people around the subject without recursing for ever.
 */
function revisitSelections(type: GraphQLObjectType, prefix: readonly string[]): SelectedField[] {
  const selections: SelectedField[] = [];
  for (const field of fieldsOf(type)) {
    const named = getNamedType(field.type);
    const path = [...prefix, field.name];
    if (isLeafType(named)) {
      selections.push({ parent: type, field, path, selections: [] });
      continue;
    }
    const known = isObjectType(named) ? named.getFields().known : undefined;
    if (!isObjectType(named) || !known || !isLeafType(getNamedType(known.type))) continue;
    const childPrefix = [...path, ...listLevels(field.type)];
    selections.push({
      parent: type,
      field,
      path,
      selections: [
        { parent: named, field: known, path: [...childPrefix, "known"], selections: [] },
      ],
    });
  }
  if (selections.length === 0) throw new Error(`Nothing to select on ${type.name} revisited`);
  return selections;
}

/** Every field reachable from `Query.<rootField>`, called with `argumentsText`. */
export function selectEverything(
  schema: GraphQLSchema,
  rootField: string,
  argumentsText: string,
): SelectedField {
  const query = schema.getQueryType();
  const field = query?.getFields()[rootField];
  if (!query || !field) throw new Error(`The API schema has no Query.${rootField}`);
  const type = objectType(getNamedType(field.type), `Query.${rootField}`);
  const childPrefix = [rootField, ...listLevels(field.type)];
  return {
    parent: query,
    field,
    path: [rootField],
    arguments: argumentsText,
    selections: fieldsOf(type).map((child) =>
      select(type, child, childPrefix, new Set([type.name])),
    ),
  };
}

function printField(node: SelectedField, indent: string): string {
  const head = `${indent}${node.field.name}${node.arguments ? `(${node.arguments})` : ""}`;
  if (node.selections.length === 0) return head;
  const body = node.selections.map((child) => printField(child, `${indent}  `)).join("\n");
  return `${head} {\n${body}\n${indent}}`;
}

export function printOperation(name: string, variables: string, root: SelectedField): string {
  return `query ${name}(${variables}) {\n${printField(root, "  ")}\n}`;
}

/** Every field of the selection, depth first. */
export function allFields(root: SelectedField): SelectedField[] {
  return [root, ...root.selections.flatMap(allFields)];
}

export interface Verdicts {
  /** Fields the caller may not see while everything above them is allowed: the expected errors. */
  denied: SelectedField[];
  /** Leaves the caller may see, with everything above them. */
  readableLeaves: SelectedField[];
}

/**
 * What the gateway must decide for a caller, worked out independently from the index: a field is
 * denied when its requirement (its own and its type's) is not met, and only the topmost denial of
 * a branch is reported.
 */
export function verdicts(
  { schema, index }: SupergraphAuthorization,
  root: SelectedField,
  holder: Holder,
): Verdicts {
  const result: Verdicts = { denied: [], readableLeaves: [] };
  const query = schema.getQueryType();
  if (query && !isMet(index.typeRequirement(query.name), holder)) return result;
  const visit = (node: SelectedField) => {
    if (!isMet(index.fieldRequirement(schema, node.parent, node.field), holder)) {
      result.denied.push(node);
    } else if (node.selections.length === 0) {
      result.readableLeaves.push(node);
    } else {
      node.selections.forEach(visit);
    }
  };
  visit(root);
  return result;
}

/**
 * The values at a gateway path in a response's `data`, one per object reached: "@" steps into
 * every item of a list, and a null or missing object on the way ends that branch (nothing below
 * it is there to check). A missing key at the end reads as `undefined`, unlike a null.
 */
export function valuesAt(data: unknown, path: readonly string[]): unknown[] {
  let current: unknown[] = [data];
  for (const step of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step === EVERY_ITEM) {
        if (Array.isArray(value)) next.push(...value);
      } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        next.push((value as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return current;
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join(".");
}
