/**
 * `npm run sdl`: writes each agency's `shared-types.graphql`, the shared types its
 * `schema.graphql` uses, from `packages/agency-kit/sdl/` (`npm run compose` runs it first).
 *
 *   --check             write nothing; exit 1 when a file is stale
 *   --print <subgraph>  print the subgraph's whole SDL (schema.graphql and its shared types) as
 *                       one document, for a server or tool that takes a single file
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { joinSubgraphSdl, readSubgraphSdl, SHARED_TYPES_FILE } from "@mash/schema/subgraph-sdl";
import { SUBGRAPHS } from "@mash/schema/subgraphs";
import { readSharedLibrary, SharedSdlError, sharedTypesFile } from "./shared-types.js";

const { values: options } = parseArgs({
  options: { check: { type: "boolean", default: false }, print: { type: "string" } },
});

function main(): number {
  if (options.print) {
    const source = SUBGRAPHS.find((candidate) => candidate.name === options.print);
    if (!source) {
      process.stderr.write(`sdl: no subgraph ${options.print}\n`);
      return 2;
    }
    process.stdout.write(joinSubgraphSdl(readSubgraphSdl(source.folder, source.name)));
    return 0;
  }
  const library = readSharedLibrary();
  const stale: string[] = [];
  for (const source of SUBGRAPHS.filter((candidate) => candidate.agency)) {
    const own = readFileSync(new URL("schema.graphql", source.folder), "utf8");
    const wanted = sharedTypesFile(source.name, own, library);
    const target = new URL(SHARED_TYPES_FILE, source.folder);
    const current = existsSync(target) ? readFileSync(target, "utf8") : null;
    if (current === wanted) continue;
    stale.push(source.name);
    if (options.check) continue;
    if (wanted === null) rmSync(target);
    else writeFileSync(target, wanted);
  }
  if (options.check && stale.length > 0) {
    process.stderr.write(
      `sdl: stale ${SHARED_TYPES_FILE} in ${stale.join(", ")}: run \`npm run sdl\`.\n`,
    );
    return 1;
  }
  const what = stale.length > 0 ? `wrote ${stale.join(", ")}` : "up to date";
  process.stdout.write(`Shared types (${SHARED_TYPES_FILE}): ${what}.\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof SharedSdlError)) throw error;
  process.stderr.write(`sdl: ${error.message}\n`);
  process.exitCode = 1;
}
