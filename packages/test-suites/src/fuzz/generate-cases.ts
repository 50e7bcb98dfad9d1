import { Random } from "@mash/synthetic-world/random";
import {
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/**
 * Generated requests for the attack and fuzz suite: deterministic from a seed, built from the
 * schema under test, so that every field, argument and input type is reached by well-formed and
 * by broken requests alike. None is expected to succeed; every one must be answered, without a
 * crash, a 5xx or a stack trace.
 */
export interface FuzzCase {
  kind: FuzzKind;
  query: string;
  variables?: Record<string, unknown>;
}

export type FuzzKind =
  | "selection"
  | "mutation"
  | "variables"
  | "syntax"
  | "deep"
  | "aliases"
  | "directives"
  | "fragments"
  | "introspection"
  | "huge-input";

export interface FuzzOptions {
  seed: number;
  /** Ids that exist in the data under test: a share of ID arguments uses them. */
  ids: readonly string[];
  /** How often each kind comes up, over the defaults (relative weights). */
  weights?: Partial<Record<FuzzKind, number>>;
  /** The deepest well-formed selection generated (default 9). */
  maxDepth?: number;
}

const KINDS: readonly (readonly [FuzzKind, number])[] = [
  ["selection", 34],
  ["mutation", 12],
  ["variables", 14],
  ["syntax", 16],
  ["deep", 5],
  ["aliases", 5],
  ["directives", 4],
  ["fragments", 4],
  ["introspection", 3],
  ["huge-input", 3],
];

const AWKWARD_STRINGS = [
  "",
  " ",
  "'; drop table person; --",
  "\u0000",
  "null",
  "🙂🙂🙂",
  "../../etc/passwd",
  "%s%s%s%n",
  "<script>alert(1)</script>",
  "00000000-0000-0000-0000-000000000000",
  "ZZZZZZZZ-ZZZZ-4ZZZ-8ZZZ-ZZZZZZZZZZZZ",
  "1e309",
  "2026-02-30",
  "9999-12-31T23:59:59Z",
  "-1",
];

/** Cases of one target, generated lazily: `count` of them, the same for the same seed. */
export function* fuzzCases(
  schema: GraphQLSchema,
  options: FuzzOptions & { count: number },
): Generator<FuzzCase> {
  const generator = new CaseGenerator(schema, options);
  for (let i = 0; i < options.count; i += 1) yield generator.next();
}

class CaseGenerator {
  readonly #schema: GraphQLSchema;
  readonly #random: Random;
  readonly #ids: readonly string[];
  readonly #kinds: readonly (readonly [FuzzKind, number])[];
  readonly #maxDepth: number;
  #variables: { definitions: string[]; values: Record<string, unknown> } = {
    definitions: [],
    values: {},
  };
  #fragments: string[] = [];

  constructor(schema: GraphQLSchema, options: FuzzOptions) {
    this.#schema = schema;
    this.#random = new Random(options.seed);
    this.#ids = options.ids;
    this.#kinds = KINDS.map(([kind, weight]) => [kind, options.weights?.[kind] ?? weight] as const);
    this.#maxDepth = options.maxDepth ?? 9;
  }

  next(): FuzzCase {
    const kind = this.#random.weighted(this.#kinds);
    switch (kind) {
      case "selection":
        return { kind, ...this.#operation("query") };
      case "mutation":
        return { kind, ...this.#operation("mutation") };
      case "variables":
        return { kind, ...this.#withWrongVariables(this.#operation("query", 1)) };
      case "syntax":
        return { kind, query: this.#broken(this.#operation("query").query) };
      case "deep":
        return { kind, query: this.#deep(this.#random.int(10, 150)) };
      case "aliases":
        return { kind, query: this.#aliases(this.#random.int(20, 3_000)) };
      case "directives":
        return { kind, query: this.#directives(this.#random.int(10, 500)) };
      case "fragments":
        return { kind, query: this.#fragmentBomb() };
      case "introspection":
        return { kind, query: this.#introspection() };
      case "huge-input":
        return { kind, ...this.#hugeInput() };
    }
  }

  // ---- well-formed operations ---------------------------------------------------------------

  #operation(
    type: "query" | "mutation",
    variableShare = 0.3,
  ): { query: string; variables?: Record<string, unknown> } {
    this.#variables = { definitions: [], values: {} };
    this.#fragments = [];
    const root = type === "query" ? this.#schema.getQueryType() : this.#schema.getMutationType();
    if (!root) return { query: "{ __typename }" };
    const fields = this.#random.sample(Object.values(root.getFields()), this.#random.int(1, 3));
    const maxDepth = this.#random.int(1, this.#maxDepth);
    const body = fields.map((field) => this.#field(field, 1, maxDepth, variableShare)).join(" ");
    const definitions = this.#variables.definitions;
    const head = `${type}${this.#random.chance(0.3) ? " Fuzz" : ""}${definitions.length ? `(${definitions.join(", ")})` : ""}`;
    const query = [`${head} { ${body} }`, ...this.#fragments].join("\n");
    const values = this.#variables.values;
    return Object.keys(values).length > 0 ? { query, variables: values } : { query };
  }

  #field(
    field: GraphQLField<unknown, unknown>,
    depth: number,
    maxDepth: number,
    variableShare: number,
  ): string {
    const random = this.#random;
    const alias = random.chance(0.12) ? `a${random.int(0, 999)}: ` : "";
    const args = this.#arguments(field.args, variableShare);
    const directive = random.chance(0.08) ? this.#condition() : "";
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return `${alias}${field.name}${args}${directive}`;
    const inner =
      depth >= maxDepth ? "__typename" : this.#selection(named, depth + 1, maxDepth, variableShare);
    return `${alias}${field.name}${args}${directive} { ${inner} }`;
  }

  #selection(
    type: GraphQLCompositeType,
    depth: number,
    maxDepth: number,
    variableShare: number,
  ): string {
    const random = this.#random;
    const parts: string[] = [];
    if (isAbstractType(type)) {
      parts.push("__typename");
      for (const possible of random.sample(this.#schema.getPossibleTypes(type), 2)) {
        parts.push(
          `... on ${possible.name} { ${this.#selection(possible, depth, maxDepth, variableShare)} }`,
        );
      }
      return parts.join(" ");
    }
    const fields = Object.values(type.getFields());
    for (const field of random.sample(fields, random.int(1, 4))) {
      parts.push(this.#field(field, depth, maxDepth, variableShare));
    }
    if (random.chance(0.08)) {
      const name = `F${this.#fragments.length}`;
      const inner = random.pick(fields);
      this.#fragments.push(
        `fragment ${name} on ${type.name} { ${this.#field(inner, depth, maxDepth, variableShare)} }`,
      );
      parts.push(`...${name}`);
    }
    if (random.chance(0.05) && isInterfaceType(type) === false && isObjectType(type)) {
      parts.push(`... on ${type.name} { __typename }`);
    }
    return parts.join(" ");
  }

  #condition(): string {
    const directive = this.#random.pick(["include", "skip"]);
    if (this.#random.chance(0.5)) return ` @${directive}(if: ${this.#random.chance(0.5)})`;
    const name = `c${this.#variables.definitions.length}`;
    this.#variables.definitions.push(`$${name}: Boolean!`);
    this.#variables.values[name] = this.#random.chance(0.5);
    return ` @${directive}(if: $${name})`;
  }

  #arguments(args: readonly GraphQLArgument[], variableShare: number): string {
    const chosen = args.filter((arg) => isNonNullType(arg.type) || this.#random.chance(0.4));
    if (chosen.length === 0) return "";
    const written = chosen.map((arg) => {
      if (this.#random.chance(variableShare)) {
        const name = `v${this.#variables.definitions.length}`;
        this.#variables.definitions.push(`$${name}: ${String(arg.type)}`);
        this.#variables.values[name] = this.#value(arg.type, 0);
        return `${arg.name}: $${name}`;
      }
      return `${arg.name}: ${literal(this.#value(arg.type, 0), arg.type)}`;
    });
    return `(${written.join(", ")})`;
  }

  /** A value for an input type: mostly of the right shape, now and then not. */
  #value(type: GraphQLInputType, depth: number): unknown {
    const random = this.#random;
    if (isNonNullType(type)) return this.#value(type.ofType, depth);
    if (random.chance(0.03)) return null;
    if (isListType(type)) {
      return Array.from({ length: random.int(0, 3) }, () => this.#value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      return random.chance(0.9) ? random.pick(type.getValues()).name : "NOT_A_VALUE";
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || random.chance(0.5)) {
          out[field.name] = this.#value(field.type, depth + 1);
        }
      }
      return out;
    }
    return this.#scalar(type as GraphQLNamedType);
  }

  #scalar(type: GraphQLNamedType): unknown {
    const random = this.#random;
    const awkward = () => random.pick(AWKWARD_STRINGS);
    switch (type.name) {
      case "ID":
        return random.weighted<() => unknown>([
          [() => (this.#ids.length > 0 ? random.pick(this.#ids) : random.uuid()), 6],
          [() => random.uuid(), 2],
          [awkward, 2],
        ])();
      case "Int":
        return random.pick([0, 1, -1, 5, 20, 50, 100, 101, 1_000, 2_147_483_647, -2_147_483_648]);
      case "Float":
        return random.pick([0, 1.5, -3.25, 1e308]);
      case "Boolean":
        return random.chance(0.5);
      case "String":
        return random.weighted<() => unknown>([
          [() => `fuzz text ${random.digits(random.int(1, 40))}`, 5],
          [awkward, 3],
          [() => "x".repeat(random.int(100, 5_000)), 1],
        ])();
      case "Date":
        return random.pick(["2019-04-01", "2026-02-30", "1900-01-01", "tomorrow", ""]);
      case "DateTime":
        return random.pick([
          "2026-03-02T09:30:00Z",
          "2026-03-02",
          "not a time",
          "1970-01-01T00:00:00+14:00",
        ]);
      default:
        // _Any (entity representations), custom scalars: objects and strings alike.
        return random.weighted<() => unknown>([
          [
            () => ({
              __typename: random.pick(this.#objectTypeNames()),
              id: this.#scalar({ name: "ID" } as GraphQLNamedType),
            }),
            5,
          ],
          [awkward, 2],
          [() => ({ __typename: "Nope" }), 1],
          [() => random.int(-5, 5), 1],
        ])();
    }
  }

  #objectTypeNames(): string[] {
    return Object.values(this.#schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
      .map((type) => type.name);
  }

  // ---- broken requests ------------------------------------------------------------------------

  /** Keeps a valid document but feeds its variables values of the wrong shape. */
  #withWrongVariables(operation: { query: string; variables?: Record<string, unknown> }) {
    const random = this.#random;
    const variables: Record<string, unknown> = { ...operation.variables };
    const wrong = [
      () => "string where something else belongs",
      () => 12_345,
      () => [1, [2, [3, [4]]]],
      () => ({ nested: { deeper: { deepest: "x".repeat(1_000) } } }),
      () => null,
      () => true,
      () => ({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
    ];
    const names = Object.keys(variables);
    for (const name of names) if (random.chance(0.6)) variables[name] = random.pick(wrong)();
    if (random.chance(0.3)) variables[`undeclared${random.int(0, 9)}`] = random.pick(wrong)();
    return { query: operation.query, variables };
  }

  /** A document damaged the way a careless client or a hostile one would damage it. */
  #broken(query: string): string {
    const random = this.#random;
    const at = random.int(0, Math.max(0, query.length - 1));
    return random.weighted<() => string>([
      [() => query.slice(0, at), 3],
      [() => query.slice(0, at) + query.slice(at + 1), 3],
      [
        () =>
          `${query.slice(0, at)}${random.pick(["{", "}", "(", ")", "[", "]", ":", "$", "@", "!", "...", '"', "#", "\\u", "\u0000", "é"])}${query.slice(at)}`,
        4,
      ],
      [() => query.slice(0, at) + query.slice(at / 2), 1],
      [() => `${query} ${query}`, 1],
      [() => query.replaceAll("{", "{{"), 1],
      [() => `query ${"x".repeat(random.int(1, 10_000))} { __typename }`, 1],
      [() => `{ "${"\\".repeat(random.int(1, 2_000))}" }`, 1],
    ])();
  }

  /** The longest chain of composite fields the schema allows, `levels` long (cycles welcome). */
  #deep(levels: number): string {
    const query = this.#schema.getQueryType();
    if (!query) return "{ __typename }";
    let type: GraphQLCompositeType = query;
    let open = "";
    let close = "";
    for (let level = 0; level < levels; level += 1) {
      const fields: GraphQLField<unknown, unknown>[] =
        isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
      const composite = fields.filter((field) => isCompositeType(getNamedType(field.type)));
      if (composite.length === 0) break;
      const field = this.#random.pick(composite);
      const args = this.#arguments(
        field.args.filter((arg) => isNonNullType(arg.type)),
        0,
      );
      open += `${field.name}${args} { `;
      close = ` }${close}`;
      type = getNamedType(field.type) as GraphQLCompositeType;
      if (isAbstractType(type)) {
        const possible = this.#random.pick(this.#schema.getPossibleTypes(type));
        open += `... on ${possible.name} { `;
        close = ` }${close}`;
        type = possible;
      }
    }
    return `{ ${open}__typename${close} }`;
  }

  #aliases(count: number): string {
    const query = this.#schema.getQueryType();
    const cheap = query
      ? Object.values(query.getFields()).find((field) =>
          field.args.every((arg) => !isNonNullType(arg.type)),
        )
      : undefined;
    const selection =
      cheap && !isCompositeType(getNamedType(cheap.type))
        ? cheap.name
        : cheap
          ? `${cheap.name} { __typename }`
          : "__typename";
    return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
  }

  #directives(count: number): string {
    const one = () =>
      this.#random.pick(["@skip(if: false)", "@include(if: true)", "@deprecated", "@nope"]);
    return `{ __typename ${Array.from({ length: count }, one).join(" ")} }`;
  }

  /** Fragments that spread each other twice over, or themselves: exponential or endless. */
  #fragmentBomb(): string {
    if (this.#random.chance(0.3)) {
      return "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
    }
    const levels = this.#random.int(8, 30);
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    fragments.push(`fragment F${levels} on Query { __typename }`);
    return [`query { ...F0 }`, ...fragments].join("\n");
  }

  #introspection(): string {
    const nest = (levels: number): string =>
      levels === 0 ? "name" : `name kind ofType { ${nest(levels - 1)} }`;
    return this.#random.pick([
      `{ __schema { types { name fields { name args { name type { ${nest(8)} } } type { ${nest(8)} } } } } }`,
      "{ __schema { queryType { name } } }",
      `{ __type(name: "${this.#random.pick(this.#objectTypeNames())}") { fields { name } } }`,
      `{ a: __schema { types { name } } b: __schema { types { name } } c: __schema { types { name } } }`,
    ]);
  }

  #hugeInput(): { query: string; variables?: Record<string, unknown> } {
    const size = this.#random.int(10_000, 600_000);
    return this.#random.chance(0.5)
      ? { query: `query($x: String) { __typename }`, variables: { x: "y".repeat(size) } }
      : { query: `{ __typename } # ${"z".repeat(size)}` };
  }
}

/** A value written as a GraphQL literal for `type`: enum values bare, strings quoted. */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value))
    return `[${value.map((item) => literal(item, listItem(type))).join(", ")}]`;
  if (isEnumType(named) && typeof value === "string" && /^[A-Za-z_]\w*$/.test(value)) return value;
  if (typeof value === "object") {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, inner]) =>
        `${key}: ${fields[key] ? literal(inner, fields[key].type) : JSON.stringify(inner)}`,
    );
    return `{ ${entries.join(", ")} }`;
  }
  if (isScalarType(named) && typeof value === "string") return JSON.stringify(value);
  return JSON.stringify(value);
}

function listItem(type: GraphQLInputType): GraphQLInputType {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner) ? inner.ofType : inner;
}
