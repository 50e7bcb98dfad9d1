import { loadGatewayPublicKeys } from "@mash/platform/auth/gateway-keys";
import { openDatabase } from "@mash/platform/db/connect";
import { describeTarget } from "@mash/platform/db/target";
import { loadAccessLogConfig, loadAccessLogDatabase } from "./access-log-config.js";
import { verifyArchiveFile } from "./archive.js";
import * as tables from "./db/schema.js";
import { headSinks, latestPublishedHead } from "./head-sinks.js";
import { createChainSignatureVerifier } from "./signed-head.js";
import { DatabaseChainStore } from "./store.js";
import { type ChainProblem, verifyChain } from "./verify.js";

// `npm run access-log:verify [-- --quick] [--head <seq>:<hash>] [--archive <file> …]`
//
// Checks the access log's hash chain in the gateway's database (the environment says where, as
// for the gateway): every entry recomputed, every signed checkpoint matched, and the end held to
// the newest head published to the configured sinks (ACCESS_LOG_HEAD_SINKS: the heads file, the
// second database), so a cut or rewritten end is reported. --quick starts from the newest signed
// checkpoint instead of the first entry. --head adds a head kept elsewhere. --archive verifies
// archived months on their own (no database needed). Exit 0 intact, 1 broken, 2 unusable input.
// An embedded (PGlite) store can be opened by one process at a time: stop the gateway first, or
// use the accessLogIntegrity query through the graph.

const PROBLEMS: Record<ChainProblem | "bad_anchors", string> = {
  edited: "the entry no longer matches its hash: it was edited",
  missing_before: "entries before it are missing: they were deleted",
  broken_link: "it does not continue the previous entry's hash: replaced, reordered or forged",
  head_mismatch: "a published head names another hash here: the end of the log was rewritten",
  truncated: "a published head is further on: the end of the log was cut off",
  checkpoint_mismatch: "a signed checkpoint names another hash here: rewritten after it was signed",
  bad_signature: "a checkpoint, anchor or head is not signed by the gateway's key",
  bad_anchors: "the archive's anchors are missing or not signed by the gateway's key",
};

function option(argv: string[], name: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === name && argv[i + 1]) values.push(argv[i + 1] as string);
  });
  return values;
}

function expectedHead(argv: string[]): { seq: number; hash: string } | undefined {
  const [value] = option(argv, "--head");
  if (!value) return undefined;
  const [seq, hash] = value.split(":");
  if (!seq || !hash || !/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) {
    throw new Error("--head must be <seq>:<64 hex characters>");
  }
  return { seq: Number(seq), hash };
}

async function verifyArchives(paths: string[], out: (line: string) => void): Promise<boolean> {
  const signatures = createChainSignatureVerifier(
    loadGatewayPublicKeys(process.env, "access-log:verify"),
  );
  let intact = true;
  for (const path of paths) {
    const result = await verifyArchiveFile(path, signatures);
    const month = result.anchors?.month ?? "?";
    if (result.valid) {
      out(
        `Archive ${path} intact: month ${month}, seq ${result.anchors?.fromSeq}..${result.anchors?.toSeq}, ${result.entries} entries, ${result.checkpoints} checkpoints, anchors signed (prev ${result.anchors?.prevHash}, last ${result.anchors?.lastHash}).`,
      );
      continue;
    }
    intact = false;
    const broken = result.firstBroken;
    out(
      `Archive ${path} BROKEN at seq ${broken?.seq} (entry ${broken?.id ?? "none"}): ${broken ? PROBLEMS[broken.problem] : ""}.`,
    );
  }
  return intact;
}

async function main(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const archives = option(argv, "--archive");
  if (archives.length > 0) return (await verifyArchives(archives, out)) ? 0 : 1;

  const target = loadAccessLogDatabase();
  const accessLogConfig = loadAccessLogConfig();
  const signatures = createChainSignatureVerifier(
    loadGatewayPublicKeys(process.env, "access-log:verify"),
  );
  const sinks = headSinks(accessLogConfig);
  const database = await openDatabase({ target, schema: tables });
  try {
    const publishedHead = await latestPublishedHead(sinks);
    const result = await verifyChain(new DatabaseChainStore(database.db), {
      signatures,
      full: !argv.includes("--quick"),
      expectedHead: expectedHead(argv),
      publishedHead,
    });
    const where = describeTarget(target);
    const published = publishedHead
      ? `published head ${publishedHead.seq}:${publishedHead.hash} of ${publishedHead.at} (${sinks.map((sink) => sink.name).join(", ")})`
      : `no published head readable (${sinks.map((sink) => sink.name).join(", ")})`;
    if (result.valid) {
      const head = result.head ? `${result.head.seq}:${result.head.hash}` : "none";
      out(
        `Access log intact (${where}): ${result.entries} entries recomputed from ${result.verifiedFrom.kind} ${result.verifiedFrom.seq}, head ${head}; ${published}.`,
      );
      return 0;
    }
    const broken = result.firstBroken;
    out(
      `Access log BROKEN (${where}) at seq ${broken?.seq} (entry ${broken?.id ?? "none"}): ${broken ? PROBLEMS[broken.problem] : ""}. ${result.entries} entries verified before it; ${published}.`,
    );
    return 1;
  } finally {
    await database.close();
    await Promise.all(sinks.map((sink) => sink.close()));
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A configuration mistake or a bad --head reads as a sentence, not a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
