import { fileURLToPath } from "node:url";
import * as tables from "@mash/health/db/schema";
import { healthRows } from "@mash/health/dev/seed";
import { healthMatching } from "@mash/health/matching";
import { type Database, openDatabase } from "@mash/platform/db/connect";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import { blockingKeysFor } from "@mash/record-linkage/blocking";
import { blockingCondition } from "@mash/record-linkage/blocking-sql";
import { linkSubjects } from "@mash/record-linkage/link-records";
import { rankCandidates } from "@mash/record-linkage/match-people";
import type { World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { matchIdentityOf } from "@mash/test-suites/match-identities";

// `npm run bench:matching`: one subject's match (remember the identity, stored pairs, blocking
// lookups, scoring, storing the pairs, linking) against a health patient table of BENCH_PEOPLE
// (default 100,000) on in-memory PGlite, one subject at a time, as an enquiry asks. Prints
// p50/p95/p99 in milliseconds. Target: p99 under 20 ms.
const people = Number(process.env.BENCH_PEOPLE ?? 100_000);
const samples = Number(process.env.BENCH_SAMPLES ?? 1_000);

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function summary(timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const format = (p: number) => percentile(sorted, p).toFixed(2);
  return `p50 ${format(50)} ms  p95 ${format(95)} ms  p99 ${format(99)} ms  max ${format(100)} ms`;
}

async function explainOneLookup(db: Database<typeof tables>, world: World): Promise<void> {
  const record = world.records.socialCare[0];
  if (!record) return;
  const keys = blockingKeysFor(matchIdentityOf(record, "health"));
  const { patient } = tables;
  const condition = blockingCondition(
    {
      strongIdentifier: patient.nhsNumber,
      dateOfBirth: patient.dateOfBirth,
      postcode: patient.addressPostcode,
      familyName: patient.familyName,
      givenName: patient.givenName,
    },
    [keys],
  );
  const query = db.select().from(patient).where(condition).toSQL();
  // Both drivers answer EXPLAIN with rows of one "QUERY PLAN" column.
  const plan = (await db.execute(`explain analyze ${inline(query.sql, query.params)}`)) as {
    rows: Record<string, unknown>[];
  };
  for (const row of plan.rows) console.log(row["QUERY PLAN"]);
}

/** The query with its parameters written in, for EXPLAIN (a benchmark's own synthetic values). */
function inline(text: string, params: unknown[]): string {
  return text.replace(
    /\$(\d+)/g,
    (_all, n: string) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`,
  );
}

async function main(): Promise<void> {
  // Health holds about 1.6 records per subject in the synthetic world (its background is +100%).
  let subjects = Math.ceil(people / 1.6);
  let world = generateWorld({ seed: 5, subjects });
  while (world.records.health.length < people) {
    subjects = Math.ceil(subjects * 1.05);
    world = generateWorld({ seed: 5, subjects });
  }
  const database = await openDatabase({ target: { kind: "pglite" }, schema: tables });
  await database.migrate(
    fileURLToPath(new URL("../../subgraphs/health/src/db/migrations", import.meta.url)),
  );
  const rows = healthRows(world);
  const patients = rows.patients.slice(0, people);
  const kept = new Set(patients.map((row) => row.id));
  await insertInChunks(database.db, tables.patient, patients);
  await insertInChunks(
    database.db,
    tables.patientAlias,
    rows.aliases.filter((alias) => kept.has(alias.patientId)),
  );
  await database.db.execute("analyze");
  const store = healthMatching.store(database.db);
  if (process.env.BENCH_EXPLAIN) await explainOneLookup(database.db, world);
  const subjectsToMatch = world.records.socialCare.slice(0, samples + 50);
  const lookups: number[] = [];
  const matches: number[] = [];
  for (const [index, record] of subjectsToMatch.entries()) {
    const identity = matchIdentityOf(record, "health");
    // The blocking lookup and scoring alone (read only), then linking the new subject (its
    // identity remembered, every record it could be scored against all subjects, links stored).
    let started = performance.now();
    rankCandidates(identity, await store.findBlockedRecords([blockingKeysFor(identity)]));
    const lookup = performance.now() - started;
    started = performance.now();
    await linkSubjects(store, [identity], new Date());
    // The first 50 warm up the JIT and PGlite's caches.
    if (index < 50) continue;
    lookups.push(lookup);
    matches.push(performance.now() - started);
  }
  console.log(
    `record matching against ${patients.length} patients (PGlite, in memory), ${matches.length} subjects, one at a time:`,
  );
  console.log(`  blocking lookup + scoring: ${summary(lookups)}`);
  console.log(`  whole match (with writes): ${summary(matches)}`);
  await database.close();
}

await main();
