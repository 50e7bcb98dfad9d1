import { openDatabase } from "@mash/platform/db/connect";
import { describeTarget } from "@mash/platform/db/target";
import { loadGatewayConfig } from "../config.js";
import * as tables from "../db/schema.js";
import { verifyChain } from "./verify.js";

// `npm run access-log:verify [-- --head <seq>:<hash>]`: checks the access log's hash chain and
// names the first broken link; exits 1 when it is broken. With --head (an anchor the gateway
// logged as "access log head"), a truncated or rewritten chain is caught too. An embedded (PGlite)
// store can be opened by one process at a time: stop the gateway first, or use the
// accessLogIntegrity query through the graph.

function expectedHead(argv: string[]): { seq: number; hash: string } | undefined {
  const flag = argv.indexOf("--head");
  const value = flag >= 0 ? argv[flag + 1] : undefined;
  if (!value) return undefined;
  const [seq, hash] = value.split(":");
  if (!seq || !hash || !/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new Error("--head must be <seq>:<64 hex characters>");
  }
  return { seq: Number(seq), hash };
}

async function main(): Promise<number> {
  const config = loadGatewayConfig();
  const database = await openDatabase({ target: config.database, schema: tables });
  try {
    const result = await verifyChain(database.db, expectedHead(process.argv));
    const where = describeTarget(config.database);
    if (result.valid) {
      const head = result.head ? `${result.head.seq}:${result.head.hash}` : "none";
      process.stdout.write(
        `Access log intact (${where}): ${result.entries} entries, head ${head}.\n`,
      );
      return 0;
    }
    const broken = result.firstBroken;
    process.stdout.write(
      `Access log BROKEN (${where}) at seq ${broken?.seq} (entry ${broken?.id ?? "missing"}): ` +
        `${broken?.problem}. ${result.entries} entries verified before it.\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // A configuration mistake or a bad --head reads as a sentence, not a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
