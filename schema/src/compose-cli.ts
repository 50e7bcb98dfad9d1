import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CompositionError, composeSupergraph, readSubgraphs } from "./compose.js";
import { SUBGRAPHS, SUPERGRAPH_PATH } from "./subgraphs.js";

// `npm run compose` writes schema/supergraph.graphql; `npm run compose -- --check` only reports
// whether the committed file is what the subgraphs compose to now.
const checkOnly = process.argv.includes("--check");
const target = fileURLToPath(SUPERGRAPH_PATH);

try {
  const supergraph = composeSupergraph(readSubgraphs(SUBGRAPHS));
  const committed = readFileSync(target, { encoding: "utf8", flag: "a+" });
  if (checkOnly) {
    if (committed !== supergraph) {
      process.stderr.write("schema/supergraph.graphql is stale: run `npm run compose`.\n");
      process.exit(1);
    }
    process.stdout.write("schema/supergraph.graphql is up to date.\n");
  } else {
    writeFileSync(target, supergraph);
    process.stdout.write(
      `Composed ${SUBGRAPHS.map((s) => s.name).join(", ")} into schema/supergraph.graphql` +
        `${committed === supergraph ? " (unchanged)" : ""}.\n`,
    );
  }
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
