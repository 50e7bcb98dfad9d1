import { readFileSync } from "node:fs";
import { Kind, parse, valueFromASTUntyped } from "graphql";

export interface SupergraphSubgraph {
  /** The subgraph's name, e.g. "police". */
  name: string;
  /** Its URL as composed. */
  url: string;
}

export interface LoadedSupergraph {
  sdl: string;
  subgraphs: SupergraphSubgraph[];
}

/** Reads a supergraph file and lists its subgraphs (from the `join__Graph` enum). */
export function readSupergraph(path: string): LoadedSupergraph {
  const sdl = readFileSync(path, "utf8");
  const document = parse(sdl);
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph")
      continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((directive) => directive.name.value === "join__graph");
      const args = Object.fromEntries(
        (graph?.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]),
      );
      subgraphs.push({ name: String(args.name ?? value.name.value), url: String(args.url ?? "") });
    }
  }
  return { sdl, subgraphs };
}
