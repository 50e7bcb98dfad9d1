import { fileURLToPath } from "node:url";
import { parseSubgraphSdl, readSubgraphSdl } from "@mash/schema/subgraph-sdl";
import type { DocumentNode } from "graphql";
import { enumValueResolvers } from "../graphql/enum-values.js";

// The GraphQL Code Generator configuration every agency's `codegen.ts` builds: resolver types from
// the agency's SDL, so that `npm run typecheck` fails when the resolvers stop following it. Only
// plain data is built here (no codegen package is imported): the runtime never depends on the
// generator, and the agency's `codegen.ts` checks the result against `CodegenConfig`.

/** Where the generated types go, relative to the package root. */
export const RESOLVER_TYPES_FILE = "src/__generated__/resolvers-types.ts";

/** GraphQL enum name → SDL value name → the value resolvers return and the database stores. */
export type EnumValuesMap = Record<string, Record<string, string | number>>;

/**
 * The internal value of every enum value in the SDL: the runtime's rule (`NO_FURTHER_ACTION` is
 * `no_further_action`, see `enumValueResolvers`), then an agency's own exceptions over it.
 */
export function internalEnumValues(
  sdl: DocumentNode,
  exceptions: EnumValuesMap = {},
): EnumValuesMap {
  const values: EnumValuesMap = enumValueResolvers(sdl);
  for (const [enumName, exception] of Object.entries(exceptions)) {
    const rule = values[enumName];
    if (!rule) throw new Error(`codegen: enum ${enumName} is not in the SDL`);
    for (const valueName of Object.keys(exception)) {
      if (!(valueName in rule)) {
        throw new Error(`codegen: ${enumName}.${valueName} is not in the SDL`);
      }
    }
    values[enumName] = { ...rule, ...exception };
  }
  return values;
}

export interface ResolverTypesOptions {
  /**
   * The package folder, holding `schema.graphql` and its generated `shared-types.graphql`:
   * `new URL(".", import.meta.url)` in codegen.ts.
   */
  packageRoot: URL;
  /** The request context the resolvers receive: its type's name, exported by `src/context.ts`. */
  contextType: string;
  /**
   * What each object type's resolvers receive as their parent, where it is not the SDL type itself:
   * `TypeName: "ExportedType"`, exported by the agency's `src/resolver-parents.ts`. A type left out
   * is its SDL shape, and whatever a resolver returns for it is checked field by field.
   */
  mappers: Record<string, string>;
  /** Enums whose internal values are not the lower-case rule (police's numeric grades). */
  enumExceptions?: EnumValuesMap;
}

/** Config of the `typescript` and `typescript-resolvers` plugins, for one output file. */
export interface ResolverTypesOutput {
  plugins: string[];
  config: Record<string, unknown>;
}

/** The shape of `CodegenConfig` this builds (the agency's `codegen.ts` types it fully). */
export interface ResolverTypesConfig {
  /** Every file of the subgraph's SDL. */
  schema: string[];
  overwrite: boolean;
  generates: Record<string, ResolverTypesOutput>;
}

/** Each agency's module of parent types, as imported from the generated file. */
const RESOLVER_PARENTS = "../resolver-parents.js";

export function resolverTypesConfig(options: ResolverTypesOptions): ResolverTypesConfig {
  // The subgraph's name only labels errors here.
  const files = readSubgraphSdl(options.packageRoot, "subgraph");
  const outputPath = fileURLToPath(new URL(RESOLVER_TYPES_FILE, options.packageRoot));
  const enumValues = internalEnumValues(parseSubgraphSdl(files), options.enumExceptions);
  const mappers: Record<string, string> = {
    // Each enum "mapped" to its own generated union: with object `enumValues`, typescript-resolvers
    // otherwise types a resolver returning the enum as `null` (graphql-code-generator#10204).
    ...Object.fromEntries(Object.keys(enumValues).map((enumName) => [enumName, enumName])),
  };
  for (const [typeName, exportedType] of Object.entries(options.mappers)) {
    if (typeName in enumValues) {
      throw new Error(`codegen: ${typeName} is an enum, not an object type`);
    }
    mappers[typeName] = `${RESOLVER_PARENTS}#${exportedType}`;
  }
  return {
    schema: files.map(({ file }) => fileURLToPath(new URL(file, options.packageRoot))),
    overwrite: true,
    generates: {
      [outputPath]: {
        plugins: ["typescript", "typescript-resolvers"],
        config: {
          // Apollo Federation: `__resolveReference` on entities, federation directives understood.
          federation: true,
          contextType: `../context.js#${options.contextType}`,
          mappers,
          // Resolvers return rows as stored: enum types are unions of the stored values, which are
          // exactly drizzle's pgEnum unions.
          enumsAsTypes: true,
          enumValues,
          scalars: {
            ID: "string",
            Date: "string",
            DateTime: "Date | string",
            // Declared by the federation spec codegen adds (`@key(fields: …)`).
            _FieldSet: "string",
          },
          // `verbatimModuleSyntax`: type-only imports must say so.
          useTypeImports: true,
          strictScalars: true,
        },
      },
    },
  };
}
