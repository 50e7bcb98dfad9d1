import { readFileSync } from "node:fs";
import {
  type ASTNode,
  type ConstArgumentNode,
  type DefinitionNode,
  type DocumentNode,
  Kind,
  parse,
  type SchemaExtensionNode,
  Source,
  visit,
} from "graphql";

// The SDL every agency shares — agency checks, disclosures, record matching, the import report,
// the identity value types and scalars — is written once, in `packages/agency-kit/sdl/`. Each
// agency's `shared-types.graphql` is generated from it: the shared definitions its own
// `schema.graphql` uses, directly or through another shared type, verbatim. Composition then sees
// identical copies in every subgraph, and nothing has to keep them equal by hand.

/** The shared SDL, one file per concern, in the order the generated file lists them. */
export const SHARED_SDL_FILES = [
  "scalars.graphql",
  "identity.graphql",
  "agency-checks.graphql",
  "disclosures.graphql",
  "matching.graphql",
  "import-report.graphql",
] as const;

export const SHARED_SDL_FOLDER = new URL("../../sdl/", import.meta.url);

/** Where the shared SDL lives, as the generated file and its errors name it. */
const LIBRARY_PATH = "packages/agency-kit/sdl";

/**
 * One shared definition: its name (`@name` for a directive), the file it comes from, and its text
 * exactly as written. A directive of the MASH specs also carries the `extend schema` that links
 * and composes it, which comes along wherever the directive does.
 */
export interface SharedDefinition {
  name: string;
  file: string;
  text: string;
  node: DefinitionNode;
  schemaExtension?: string;
}

export class SharedSdlError extends Error {
  override readonly name = "SharedSdlError";
}

/** A type's name, or `@name` for a directive: the two share no namespace. */
function nameOf(definition: DefinitionNode): string | undefined {
  if (!("name" in definition) || !definition.name) return undefined;
  const name = definition.name.value;
  return definition.kind === Kind.DIRECTIVE_DEFINITION ? `@${name}` : name;
}

/** The directives (`@name`) a schema extension's `@link`s import. */
function linkedDirectives(extension: SchemaExtensionNode): string[] {
  return (extension.directives ?? [])
    .filter((directive) => directive.name.value === "link")
    .flatMap((link) => {
      const list = link.arguments?.find((argument) => argument.name.value === "import")?.value;
      if (list?.kind !== Kind.LIST) return [];
      return list.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
    });
}

/** Reads the shared SDL; two files defining one name is an error. */
export function readSharedLibrary(
  read: (file: string) => string = (file) => readFileSync(new URL(file, SHARED_SDL_FOLDER), "utf8"),
): SharedDefinition[] {
  const library: SharedDefinition[] = [];
  const seen = new Map<string, string>();
  const extensions = new Map<string, string>();
  for (const file of SHARED_SDL_FILES) {
    const text = read(file);
    for (const node of parse(new Source(text, `${LIBRARY_PATH}/${file}`)).definitions) {
      // The description is part of the node; the text is kept verbatim (formatting and all).
      const verbatim = node.loc ? text.slice(node.loc.start, node.loc.end) : "";
      if (node.kind === Kind.SCHEMA_EXTENSION) {
        for (const directive of linkedDirectives(node)) extensions.set(directive, verbatim);
        continue;
      }
      const name = nameOf(node);
      if (!name) {
        throw new SharedSdlError(`${LIBRARY_PATH}/${file}: only named definitions belong here`);
      }
      const first = seen.get(name);
      if (first) throw new SharedSdlError(`${name} is defined in both ${first} and ${file}`);
      seen.set(name, file);
      library.push({ name, file, text: verbatim, node });
    }
  }
  for (const [directive, extension] of extensions) {
    const definition = library.find((candidate) => candidate.name === directive);
    if (!definition) {
      throw new SharedSdlError(`${directive} is linked in the shared SDL but not defined there`);
    }
    definition.schemaExtension = extension;
  }
  return library;
}

/** The type names a piece of SDL refers to, and the directives it applies. */
function references(node: ASTNode): { types: Set<string>; directives: Set<string> } {
  const types = new Set<string>();
  const directives = new Set<string>();
  visit(node, {
    NamedType: (named) => {
      types.add(named.name.value);
    },
    Directive: (directive) => {
      directives.add(`@${directive.name.value}`);
    },
  });
  return { types, directives };
}

/** What the subgraph's federation `@link` imports (`@key`, `@shareable`, …), by local name. */
function federationImports(document: DocumentNode): Set<string> {
  const imported = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== "link") continue;
      const argument = (name: string): ConstArgumentNode | undefined =>
        directive.arguments?.find((candidate) => candidate.name.value === name);
      const url = argument("url")?.value;
      if (url?.kind !== Kind.STRING || !url.value.includes("specs.apollo.dev/federation/"))
        continue;
      const list = argument("import")?.value;
      if (list?.kind !== Kind.LIST) continue;
      for (const item of list.values) {
        if (item.kind === Kind.STRING) imported.add(item.value);
        if (item.kind !== Kind.OBJECT) continue;
        // { name: "@key", as: "@myKey" }: the SDL uses the local name.
        const local = item.fields.find((field) => field.name.value === "as")?.value;
        const name = item.fields.find((field) => field.name.value === "name")?.value;
        const used = local ?? name;
        if (used?.kind === Kind.STRING) imported.add(used.value);
      }
    }
  }
  return imported;
}

/**
 * The shared definitions a subgraph's own SDL uses, with every shared definition those use in
 * turn, in library order. Fails when the own SDL defines a shared name itself (it would be a second
 * copy), or does not import a federation directive the shared definitions apply.
 */
export function sharedDefinitionsFor(
  subgraph: string,
  ownSdl: string,
  library: readonly SharedDefinition[],
): SharedDefinition[] {
  const own = parse(new Source(ownSdl, subgraph));
  const byName = new Map(library.map((definition) => [definition.name, definition]));
  for (const definition of own.definitions) {
    const name = nameOf(definition);
    const shared = name ? byName.get(name) : undefined;
    if (shared) {
      throw new SharedSdlError(
        `${subgraph}'s schema.graphql defines ${shared.name}, which is shared ` +
          `(${LIBRARY_PATH}/${shared.file}): remove it there; \`npm run sdl\` adds the shared one.`,
      );
    }
  }
  const wanted = new Set<string>();
  const used = references(own);
  const queue = [...used.types, ...used.directives];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const shared = byName.get(name);
    if (!shared || wanted.has(name)) continue;
    wanted.add(name);
    const next = references(shared.node);
    queue.push(...next.types, ...next.directives);
  }
  const included = library.filter((definition) => wanted.has(definition.name));
  const imported = federationImports(own);
  const sharedNames = new Set(library.map((definition) => definition.name));
  for (const definition of included) {
    for (const directive of references(definition.node).directives) {
      if (sharedNames.has(directive) || imported.has(directive)) continue;
      throw new SharedSdlError(
        `${subgraph}'s schema.graphql must import ${directive} in its federation @link: the ` +
          `shared ${definition.name} (${LIBRARY_PATH}/${definition.file}) applies it.`,
      );
    }
  }
  return included;
}

/**
 * The text of a subgraph's `shared-types.graphql`, or null when its SDL uses no shared type (and
 * has no such file).
 */
export function sharedTypesFile(
  subgraph: string,
  ownSdl: string,
  library: readonly SharedDefinition[],
): string | null {
  const included = sharedDefinitionsFor(subgraph, ownSdl, library);
  if (included.length === 0) return null;
  const sections: string[] = [];
  for (const file of SHARED_SDL_FILES) {
    const definitions = included.filter((definition) => definition.file === file);
    if (definitions.length === 0) continue;
    const extensions = new Set(definitions.flatMap(({ schemaExtension }) => schemaExtension ?? []));
    const texts = [...extensions, ...definitions.map((definition) => definition.text)];
    sections.push(`# ${LIBRARY_PATH}/${file}\n${texts.join("\n\n")}`);
  }
  const header = [
    `# GENERATED by \`npm run sdl\` from ${LIBRARY_PATH}/: do not edit. The shared types this`,
    "# subgraph's schema.graphql uses; its SDL is schema.graphql and this file together.",
  ].join("\n");
  return `${header}\n\n${sections.join("\n\n")}\n`;
}
