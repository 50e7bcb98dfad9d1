/**
 * `npm run schema:check`: composes the working tree's subgraphs and compares the result with the
 * committed supergraph, reporting breaking, dangerous and safe changes per subgraph. Exits 1 on a
 * breaking change that is not acknowledged, or when the subgraphs do not compose.
 *
 *   --base <git ref>        compare with schema/supergraph.graphql as of that commit (default HEAD)
 *   --base-file <path>      compare with this supergraph file instead
 *   --subgraphs <dir>       read <dir>/<subgraph>/schema.graphql and shared-types.graphql (default: subgraphs/)
 *   --acknowledgements <f>  the acknowledged breaking changes (default: schema/acknowledged-breaking-changes.json)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { CompositionError, readSubgraphs } from "./compose.js";
import { ACKNOWLEDGEMENTS_PATH, readAcknowledgements } from "./schema-check/acknowledgements.js";
import { checkSchema } from "./schema-check/check-schema.js";
import { formatReport } from "./schema-check/report.js";
import { SUBGRAPHS, SUPERGRAPH_PATH } from "./subgraphs.js";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
const SUPERGRAPH_IN_REPOSITORY = "schema/supergraph.graphql";

interface Base {
  sdl: string;
  label: string;
}

/** The supergraph as committed at `ref`: what clients were built against. */
function baseFromGit(ref: string): Base {
  const sdl = execFileSync("git", ["show", `${ref}:${SUPERGRAPH_IN_REPOSITORY}`], {
    cwd: REPOSITORY,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return { sdl, label: `${SUPERGRAPH_IN_REPOSITORY} at ${ref}` };
}

function readBase(options: { base?: string; "base-file"?: string }): Base {
  if (options["base-file"]) {
    return { sdl: readFileSync(options["base-file"], "utf8"), label: options["base-file"] };
  }
  const ref = options.base ?? "HEAD";
  try {
    return baseFromGit(ref);
  } catch (error) {
    if (options.base)
      throw new Error(`Cannot read ${SUPERGRAPH_IN_REPOSITORY} at ${ref}: ${error}`);
    // Not a git checkout (an exported tarball): the file on disk is the committed one.
    const path = fileURLToPath(SUPERGRAPH_PATH);
    return { sdl: readFileSync(path, "utf8"), label: `${SUPERGRAPH_IN_REPOSITORY} (no git)` };
  }
}

async function main(): Promise<number> {
  const { values: options } = parseArgs({
    options: {
      base: { type: "string" },
      "base-file": { type: "string" },
      subgraphs: { type: "string" },
      acknowledgements: { type: "string" },
    },
  });
  const base = readBase(options);
  const subgraphsDir = options.subgraphs;
  const sources = subgraphsDir
    ? SUBGRAPHS.map((source) => ({
        ...source,
        folder: pathToFileURL(`${join(subgraphsDir, source.name)}/`),
      }))
    : SUBGRAPHS;
  const acknowledgements = readAcknowledgements(options.acknowledgements ?? ACKNOWLEDGEMENTS_PATH);
  try {
    const result = await checkSchema({
      baseSupergraph: base.sdl,
      subgraphs: readSubgraphs(sources),
      acknowledgements,
    });
    process.stdout.write(formatReport(result, base.label));
    return result.passed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    process.stdout.write(`FAILED: the subgraphs do not compose.\n${error.message}\n`);
    return 1;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`schema:check: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
