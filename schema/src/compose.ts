import { composeServices } from "@apollo/composition";
import type { GraphQLError } from "graphql";
import { OWN_SDL_FILE, parseSubgraphSdl, readSubgraphSdl, type SdlFile } from "./subgraph-sdl.js";
import type { SubgraphSource } from "./subgraphs.js";

export interface CompositionProblem {
  code: string;
  message: string;
  /** `subgraph:line:column` for each place in an SDL the problem points at. */
  locations: string[];
}

/** Composition failed; `problems` says what, in which subgraph, at which coordinate. */
export class CompositionError extends Error {
  override readonly name = "CompositionError";
  constructor(readonly problems: CompositionProblem[]) {
    super(
      `Composition failed with ${problems.length} error(s):\n${problems
        .map(
          (p) =>
            `  [${p.code}] ${p.message}${p.locations.length ? `\n    at ${p.locations.join(", ")}` : ""}`,
        )
        .join("\n")}`,
    );
  }
}

function describe(error: GraphQLError): CompositionProblem {
  const fromNodes = (error.nodes ?? []).flatMap((node) => {
    if (!node.loc) return [];
    const { line, column } = node.loc.source.locationOffset;
    const position = node.loc.startToken;
    return [`${node.loc.source.name}:${position.line + line - 1}:${position.column + column - 1}`];
  });
  // Syntax errors carry a source and positions instead of AST nodes.
  const fromSource =
    error.source && error.locations
      ? error.locations.map((at) => `${error.source?.name}:${at.line}:${at.column}`)
      : [];
  const locations = fromNodes.length > 0 ? fromNodes : fromSource;
  const code = error.extensions?.code;
  return {
    code: typeof code === "string" ? code : "COMPOSITION_ERROR",
    message: error.message,
    locations,
  };
}

export interface SubgraphDocument {
  name: string;
  url: string;
  /** The subgraph's SDL files: its own `schema.graphql`, then its generated shared types. */
  files: SdlFile[];
}

/** A subgraph whose whole SDL is one text (tests, tools composing SDL they were given). */
export function subgraphFromSdl(name: string, url: string, sdl: string): SubgraphDocument {
  return { name, url, files: [{ file: OWN_SDL_FILE, name, text: sdl }] };
}

/** Reads each subgraph's SDL files. */
export function readSubgraphs(sources: readonly SubgraphSource[]): SubgraphDocument[] {
  return sources.map((source) => ({
    name: source.name,
    url: source.defaultUrl,
    files: readSubgraphSdl(source.folder, source.name),
  }));
}

/**
 * Composes subgraph SDLs into a supergraph with @apollo/composition. Each SDL file is parsed under
 * its own name, so errors point at `police:42:3` (or `police/shared-types.graphql:7:1`) rather
 * than at an anonymous document.
 */
export function composeSupergraph(subgraphs: readonly SubgraphDocument[]): string {
  const parseProblems: CompositionProblem[] = [];
  const services = subgraphs.flatMap((subgraph) => {
    try {
      return [
        {
          name: subgraph.name,
          url: subgraph.url,
          typeDefs: parseSubgraphSdl(subgraph.files),
        },
      ];
    } catch (error) {
      parseProblems.push(describe(error as GraphQLError));
      return [];
    }
  });
  if (parseProblems.length > 0) throw new CompositionError(parseProblems);
  const result = composeServices(services);
  if (result.errors) throw new CompositionError(result.errors.map(describe));
  return `${result.supergraphSdl.trimEnd()}\n`;
}
