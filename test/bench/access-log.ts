import { loadavg } from "node:os";
import * as tables from "@mash/access-log/db/schema";
import { chainAfter, GENESIS_HASH } from "@mash/access-log/entry";
import { MemoryHeadSink } from "@mash/access-log/head-sinks";
import { ACCESS_LOG_MIGRATIONS } from "@mash/access-log/open-access-log";
import { createChainSignatureVerifier, createChainSigner } from "@mash/access-log/signed-head";
import { DatabaseChainStore } from "@mash/access-log/store";
import { verifyChain } from "@mash/access-log/verify";
import { loadGatewayPublicKeys, loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { openDatabase } from "@mash/platform/db/connect";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import { agencyDatabaseUrl } from "@mash/platform/db/target";
import { count, sql } from "drizzle-orm";

// `npm run bench:access-log`: accessLogIntegrity at ten million entries, on PostgreSQL.
//
// Builds the log in PostgreSQL itself (generate_series: minutes, not hours), then appends the
// entries since the newest signed checkpoint through the real writer's store (BENCH_TAIL, default
// 2,500: ACCESS_LOG_CHECKPOINT_EVERY's 2,000, reached just before the next checkpoint, plus one
// head interval's worth at 50 entries a second: the most a check recomputes),
// and times the integrity check the audit subgraph runs: checkpoint signature and entry, every
// entry since, the published head. The stock alternative, recomputing the whole chain, is timed
// on the same genuine entries and scaled to the log's size.
//
// The bulk is built by SQL, so its hashes are filler, not a chain: a full verification of this
// database reports the first of them. The part the check reads (the checkpoint's entry and every
// entry after it) is a genuine chain, written and hashed by the gateway's code.

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000_000);
const TAIL = Number(process.env.BENCH_TAIL ?? 2_500);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const server =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
// A database of its own per run: two runs at once must not drop each other's.
const url = agencyDatabaseUrl(server, `bench_access_log_${process.pid}`);

const dev = { NODE_ENV: "development" };
const signer = createChainSigner(loadGatewaySigningKey(dev));
const signatures = createChainSignatureVerifier(loadGatewayPublicKeys(dev));

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const database = await openDatabase({ target: { kind: "postgres", url }, schema: tables });
  try {
    await database.migrate(ACCESS_LOG_MIGRATIONS);
    const bulk = ENTRIES - TAIL;
    log(`building ${bulk.toLocaleString()} entries in PostgreSQL (load ${load()})`);
    const [, buildMs] = await timed(async () => {
      await database.db.execute(sql`set maintenance_work_mem = '512MB'`);
      // Secondary indexes are built once after the bulk insert, not maintained row by row: the
      // same indexes the migrations made, read back from the catalogue and recreated as they were.
      const indexes = (await database.db
        .select({ name: sql<string>`indexname`, definition: sql<string>`indexdef` })
        .from(sql`pg_indexes`)
        .where(
          sql`tablename = 'access_log_entry' and indexname not in (select conname from pg_constraint)`,
        )) as { name: string; definition: string }[];
      for (const index of indexes) await database.db.execute(sql.raw(`drop index "${index.name}"`));
      // Every value an entry of a busy MASH would hold: ten subjects and many coordinates vary.
      await database.db.execute(sql`
        insert into access_log_entry (seq, id, hash_version, kind, request_id, occurred_at,
          principal_id, principal_agency, principal_roles, purpose_enquiry_id, operation_name,
          operation_type, subject_ids, subjects_outside_purpose, fields_requested, fields_returned,
          fields_denied, denials, arguments, break_glass_grant_ids, outcome, prev_hash, hash)
        select n, md5('id' || n)::uuid, 2, 'access', md5('request' || n)::uuid::text,
          timestamptz '2025-01-01' + n * interval '3 seconds',
          'dev-practitioner-' || (n % 200), 'social-care', array['mash-social-worker'],
          md5('enquiry' || (n % 5000))::uuid, 'Picture', 'query',
          array[md5('subject' || (n % 100000))::uuid, md5('subject' || ((n + 1) % 100000))::uuid],
          '{}', array['Query.subject', 'Subject.name', 'Subject.dateOfBirth', 'PoliceSection.summary'],
          array['Query.subject', 'Subject.name', 'Subject.dateOfBirth'],
          '{}', '[]', '{}', '{}', 'returned',
          encode(sha256(('prev' || n)::bytea), 'hex'), encode(sha256(('hash' || n)::bytea), 'hex')
        from generate_series(1, ${bulk}) as n`);
      for (const index of indexes) await database.db.execute(sql.raw(index.definition));
      await database.db.execute(sql`analyze access_log_entry`);
    });
    log(`  built in ${(buildMs / 1000).toFixed(0)} s (load ${load()})`);

    // The newest checkpoint, signed over the last bulk entry, then TAIL genuine entries after it.
    const store = new DatabaseChainStore(database.db);
    const anchor = (await store.entryAt(bulk)) ?? { seq: 0, hash: GENESIS_HASH };
    const checkpoint = await signer.signHead({ seq: bulk, hash: anchor.hash });
    await store.addCheckpoint({
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      signedAt: new Date(checkpoint.at),
      jws: checkpoint.jws,
    });
    let head = { seq: bulk, hash: anchor.hash };
    for (let written = 0; written < TAIL; written += 500) {
      const records = Array.from({ length: Math.min(500, TAIL - written) }, (_, i) => ({
        id: crypto.randomUUID(),
        kind: "access" as const,
        requestId: crypto.randomUUID(),
        clientRequestId: null,
        occurredAt: new Date(Date.UTC(2026, 0, 1) + (written + i) * 1000),
        principalId: `dev-practitioner-${i % 200}`,
        principalAgency: "social-care",
        principalRoles: ["mash-social-worker"],
        purposeEnquiryId: crypto.randomUUID(),
        operationName: "Picture",
        operationType: "query",
        subjectIds: [crypto.randomUUID(), crypto.randomUUID()],
        subjectsOutsidePurpose: [],
        fieldsRequested: ["PoliceSection.summary", "Query.subject", "Subject.name"],
        fieldsReturned: ["Query.subject", "Subject.name"],
        fieldsDenied: ["subject.police.summary"],
        denials: [{ path: "subject.police.summary", reason: "NO_PURPOSE", service: null }],
        arguments: {},
        breakGlassGrantIds: [],
        outcome: "returned" as const,
        requestCount: 1,
        countedSince: null,
      }));
      const entries = chainAfter(head, records);
      await store.append(entries);
      const last = entries.at(-1);
      if (last) head = { seq: last.seq, hash: last.hash };
    }
    const sink = new MemoryHeadSink();
    await sink.publish(await signer.signHead(head));
    const publishedHead = await sink.latest();

    const [counted] = await database.db.select({ n: count() }).from(tables.accessLogEntry);
    const entries = counted?.n ?? 0;
    log(`log: ${entries.toLocaleString()} entries, head ${head.seq}, checkpoint ${bulk}`);

    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const [result, ms] = await timed(() => verifyChain(store, { signatures, publishedHead }));
      if (!result.valid || result.entries !== TAIL) {
        throw new Error(`integrity check failed: ${JSON.stringify(result.firstBroken)}`);
      }
      samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    log(
      `accessLogIntegrity (from the checkpoint, ${TAIL.toLocaleString()} entries recomputed, head held to the published one), ${RUNS} runs: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms, max ${samples.at(-1)?.toFixed(0)} ms (load ${load()})`,
    );

    // The stock alternative: recompute everything. Timed on the genuine entries, scaled up.
    const [, walkMs] = await timed(() =>
      verifyChain(store, { signatures, trustedFrom: { seq: bulk, hash: anchor.hash } }),
    );
    const perEntry = walkMs / TAIL;
    log(
      `full recompute: ${(perEntry * 1000).toFixed(1)} µs per entry, so about ${((perEntry * ENTRIES) / 1000).toFixed(0)} s for ${ENTRIES.toLocaleString()} entries (load ${load()})`,
    );
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await dropPostgresDatabase(url);
  }
}

await main();
