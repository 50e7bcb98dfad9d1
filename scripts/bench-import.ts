import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { exportRecords } from "@mash/agency-kit/import/export-records";
import { openAgencyDatabase } from "@mash/agency-kit/import/open-agency-database";
import { agencyEnvPrefix } from "@mash/platform/config/subgraph-config";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import {
  developmentSeeder,
  IMPORTABLE_AGENCY_NAMES,
  type ImportableAgency,
  importableAgency,
} from "./agency-imports.js";

// `npm run bench:import`: how long an agency's import of a large export takes, and how much memory
// it needs, on embedded PGlite and on PostgreSQL. For each agency: seed a scratch PostgreSQL
// database from the synthetic world (100,000 subjects by default), export it to a JSON Lines file,
// then import that file into a fresh PGlite and a fresh PostgreSQL database, and import it again
// (nothing changes). Each import runs in its own process (`npm run import`), so its peak RSS is its
// own. Every database it creates is dropped at the end.
//
//   npm run bench:import -- --subjects 100000 --agencies social-care,police
//   --postgres postgres://postgres@127.0.0.1:5432/postgres (the default server)

const run = promisify(execFile);
const IMPORT_CLI = fileURLToPath(new URL("import-cli.ts", import.meta.url));

interface Measurement {
  agency: string;
  store: "PGlite" | "PostgreSQL";
  pass: "first import" | "re-import";
  records: number;
  created: number;
  unchanged: number;
  rejected: number;
  /** The import itself, as its report measures it. */
  seconds: number;
  /** The whole process: start, opening (and for PGlite creating) the database, migrations. */
  processSeconds: number;
  peakRssMb: number;
}

function scratchUrl(serverUrl: string, label: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/mash_bench_${label.replace(/-/g, "_")}_${randomBytes(4).toString("hex")}`;
  return url.toString();
}

/** Seeds a scratch PostgreSQL database from the world and exports it: the benchmark's input. */
async function makeExport(
  agency: ImportableAgency,
  serverUrl: string,
  subjects: number,
  file: string,
): Promise<Record<string, number>> {
  const url = scratchUrl(serverUrl, `${agency.definition.agency}_source`);
  const database = await openAgencyDatabase(agency.definition, { kind: "postgres", url });
  try {
    await (await developmentSeeder(agency.definition.agency)).seed(database.db, {
      seed: 20261123,
      subjects,
    });
    const output = createWriteStream(file);
    const counts = await exportRecords(database.db, agency.agencyImport.recordTypes, output);
    output.end();
    await finished(output);
    return counts;
  } finally {
    await database.close();
    await dropPostgresDatabase(url);
  }
}

/** One `npm run import` in its own process, against the store the environment names. */
async function timedImport(
  agency: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<Omit<Measurement, "agency" | "store" | "pass">> {
  const started = Date.now();
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--conditions=development", IMPORT_CLI, "--agency", agency, "--file", file],
    { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string; code?: number }) => {
    // Exit 2 (some records rejected) still prints the report.
    if (error.code === 2 && error.stdout) return { stdout: error.stdout };
    throw error;
  });
  const report = JSON.parse(stdout) as {
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    seconds: number;
    peakRssMb: number;
  };
  return {
    records: report.created + report.updated + report.unchanged + report.rejected,
    created: report.created,
    unchanged: report.unchanged,
    rejected: report.rejected,
    seconds: report.seconds,
    processSeconds: Math.round((Date.now() - started) / 100) / 10,
    peakRssMb: report.peakRssMb,
  };
}

async function benchAgency(
  agency: ImportableAgency,
  serverUrl: string,
  subjects: number,
  workDir: string,
): Promise<Measurement[]> {
  const name = agency.definition.agency;
  const file = join(workDir, `${name}.jsonl`);
  const started = Date.now();
  const counts = await makeExport(agency, serverUrl, subjects, file);
  const { size } = await stat(file);
  process.stderr.write(
    `${name}: export of ${Object.values(counts).reduce((a, b) => a + b, 0)} records ` +
      `(${Math.round(size / 1e6)} MB) made in ${Math.round((Date.now() - started) / 1000)} s ${JSON.stringify(counts)}\n`,
  );
  const measurements: Measurement[] = [];
  const pgliteEnv = { DATA_DIR: join(workDir, "pglite"), DATABASE_URL: "" };
  const postgresUrl = scratchUrl(serverUrl, name);
  const postgresEnv = { [`${agencyEnvPrefix(name)}_DATABASE_URL`]: postgresUrl };
  try {
    for (const [store, env] of [
      ["PGlite", pgliteEnv],
      ["PostgreSQL", postgresEnv],
    ] as const) {
      for (const pass of ["first import", "re-import"] as const) {
        const measured = { agency: name, store, pass, ...(await timedImport(name, file, env)) };
        process.stderr.write(`${JSON.stringify(measured)}\n`);
        measurements.push(measured);
      }
    }
  } finally {
    await dropPostgresDatabase(postgresUrl);
    await rm(join(workDir, "pglite"), { recursive: true, force: true });
    await rm(file, { force: true });
  }
  return measurements;
}

function table(measurements: readonly Measurement[]): string {
  const header =
    "| agency | store | pass | records | created | unchanged | rejected | import s | records/s | process s | peak RSS MB |";
  const rule = "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  const rows = measurements.map(
    (m) =>
      `| ${m.agency} | ${m.store} | ${m.pass} | ${m.records} | ${m.created} | ${m.unchanged} | ${m.rejected} | ${m.seconds} | ${Math.round(m.records / m.seconds)} | ${m.processSeconds} | ${m.peakRssMb} |`,
  );
  return [header, rule, ...rows].join("\n");
}

const { values } = parseArgs({
  options: {
    subjects: { type: "string", default: "100000" },
    agencies: { type: "string", default: IMPORTABLE_AGENCY_NAMES.join(",") },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const serverUrl = values.postgres ?? "postgres://postgres@127.0.0.1:5432/postgres";
const workDir = await mkdtemp(join(tmpdir(), "mash-bench-import-"));
const measurements: Measurement[] = [];
try {
  for (const name of (values.agencies ?? "").split(",")) {
    measurements.push(
      ...(await benchAgency(
        await importableAgency(name),
        serverUrl,
        Number(values.subjects),
        workDir,
      )),
    );
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}
process.stdout.write(`\nImport benchmark, ${values.subjects} subjects\n\n${table(measurements)}\n`);
