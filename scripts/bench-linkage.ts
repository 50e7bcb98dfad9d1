import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { exportRecords } from "@mash/agency-kit/import/export-records";
import { openAgencyDatabase } from "@mash/agency-kit/import/open-agency-database";
import type { AgencyMatching } from "@mash/agency-kit/matching/agency-matching";
import type { FetchSubjectChanges } from "@mash/agency-kit/subject-feed/pull-subject-changes";
import { subjectIdentityOf } from "@mash/synthetic-world/subject-identity";
import type { AgencyPersonRecord } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { developmentSeeder, importableAgency } from "./agency-imports.js";

// `npm run bench:linkage`: record linkage as it runs, on embedded PGlite, with the machine's load.
//  1. Import with linkage: an agency database that already knows the MASH subjects (learned through
//     the subject feed's own code path) imports the agency's whole export with `npm run import`, in
//     its own process, linking in the same run: records per second including linkage, peak RSS.
//  2. One subject's match: reading `<agency>Matches` (what a researcher's query costs; never a
//     write), and linking one new subject as the feed does (blocking, scoring, writes), p50/p95/p99.
//
//   npm run bench:linkage -- --subjects 20000 --agencies police,health,probation --samples 500

const run = promisify(execFile);
const IMPORT_CLI = fileURLToPath(new URL("import-cli.ts", import.meta.url));
const SEED = 20261208;

const MATCHING: Record<string, () => Promise<AgencyMatching>> = {
  police: async () => (await import("@mash/police/matching")).policeMatching,
  health: async () => (await import("@mash/health/matching")).healthMatching,
  probation: async () => (await import("@mash/probation/matching")).probationMatching,
};

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ");

function percentiles(timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (p: number) =>
    (
      sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))] ?? NaN
    ).toFixed(2);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  (n ${sorted.length})`;
}

/** The world's subjects as social care's feed serves them, a page at a time. */
function feedOf(subjects: readonly AgencyPersonRecord[], pageSize = 500): FetchSubjectChanges {
  return async (after) => {
    const start = after === null ? 0 : Number(after);
    const page = subjects.slice(start, start + pageSize).map(subjectIdentityOf);
    const end = start + page.length;
    return { subjects: page, endCursor: String(end), hasMore: end < subjects.length };
  };
}

async function benchAgency(name: string, subjects: number, samples: number, workDir: string) {
  const agency = await importableAgency(name);
  const matching = await MATCHING[name]?.();
  if (!matching) throw new Error(`${name} does not link records`);
  const world = generateWorld({ seed: SEED, subjects });

  // The export: the agency's records of this world, seeded in memory and written out.
  const file = join(workDir, `${name}.jsonl`);
  const source = await openAgencyDatabase(agency.definition, { kind: "pglite" });
  await (await developmentSeeder(name)).seed(source.db, { seed: SEED, subjects });
  const output = createWriteStream(file);
  const counts = await exportRecords(source.db, agency.agencyImport.recordTypes, output);
  output.end();
  await finished(output);
  await source.close();

  // An empty agency database that has learned social care's subjects from the feed.
  const dataDir = join(workDir, "data");
  const target = { kind: "pglite" as const, dataDir: join(dataDir, name) };
  const learning = await openAgencyDatabase(agency.definition, target);
  await matching.pullSubjectChanges(learning.db, feedOf(world.records.socialCare));
  await learning.close();

  const loadBefore = load();
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--conditions=development", IMPORT_CLI, "--agency", name, "--file", file],
    { env: { ...process.env, DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as {
    created: number;
    linked: number;
    proposed: number;
    conflicts: number;
    unmatched: number;
    seconds: number;
    peakRssMb: number;
  };
  const records = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const people = world.records[name as "police"].length;
  console.log(
    `${name}: imported ${records} records (${people} people) into PGlite in ${report.seconds} s, linkage included: ` +
      `${Math.round(records / report.seconds)} records/s, peak RSS ${report.peakRssMb} MB; ` +
      `linked ${report.linked}, proposed ${report.proposed}, conflicts ${report.conflicts}, unmatched ${report.unmatched} ` +
      `(load ${loadBefore} → ${load()})`,
  );

  // One subject at a time, against the imported records.
  const database = await openAgencyDatabase(agency.definition, target);
  const reads: number[] = [];
  const links: number[] = [];
  const subjectsToRead = world.records.socialCare.slice(0, samples + 50);
  for (const [index, record] of subjectsToRead.entries()) {
    let started = performance.now();
    await matching.matchesLoader(database.db).load({ id: record.recordId });
    const read = performance.now() - started;
    // The same person as a new subject (a second contact under another id): what the feed does
    // when social care creates a subject.
    const fresh = { ...subjectIdentityOf(record), id: crypto.randomUUID() };
    started = performance.now();
    await matching.pullSubjectChanges(database.db, async () => ({
      subjects: [fresh],
      endCursor: `bench-${index}`,
      hasMore: false,
    }));
    const link = performance.now() - started;
    if (index < 50) continue; // warming up the JIT and PGlite's caches
    reads.push(read);
    links.push(link);
  }
  await database.close();
  console.log(`  reading one subject's ${name}Matches:     ${percentiles(reads)}`);
  console.log(`  linking one new subject (the feed):  ${percentiles(links)}  (load ${load()})`);
}

const { values } = parseArgs({
  options: {
    subjects: { type: "string", default: "20000" },
    agencies: { type: "string", default: "police,health,probation" },
    samples: { type: "string", default: "500" },
  },
});
const workDir = await mkdtemp(join(tmpdir(), "mash-bench-linkage-"));
console.log(
  `bench:linkage: ${values.subjects} subjects, PGlite, ${new Date().toISOString()}, load average (1/5/15 min) ${load()}`,
);
try {
  for (const name of values.agencies.split(",")) {
    await benchAgency(name, Number(values.subjects), Number(values.samples), workDir);
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}
