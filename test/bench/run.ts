import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import { agencyDatabaseUrl } from "@mash/platform/db/target";
import { findPersona } from "@mash/schema/authorization/personas";
import { type RunningStack, SUBGRAPH_NAMES, startStack } from "../../scripts/stack.js";
import {
  type AgencySubgraph,
  directSectionQuery,
  ENQUIRY_PICTURE_QUERY,
  PICTURE_QUERY,
  SECTION_SELECTIONS,
} from "../support/picture-query.js";
import { sqlStatementTotal } from "../support/sql-statements.js";
import { AUTHORIZATION_OFF, TEST_RATE_LIMITS } from "../support/system-under-test.js";
import { type LoadResult, type LoadTarget, runLoad, sendOnce } from "./load.js";
import { signedTokenPool } from "./signed-requests.js";

// `npm run bench`. Two runs of the whole system on loopback:
// 1. authorization off (NODE_ENV=test): the 50-subject picture through the gateway against each
//    subgraph answering its own part directly (the slowest is the floor), and an enquiry's case
//    picture;
// 2. authorization on: the same case picture as a MASH social worker declaring the enquiry as
//    purpose (authentication, purpose check, filtering, subgraph enforcement), without and then
//    with the access log.
// BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_SUBJECTS tune it; BENCH_DATABASE_URL runs it on PostgreSQL.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const subjects = Number(process.env.BENCH_SUBJECTS ?? 3000);
const databaseUrl = process.env.BENCH_DATABASE_URL;

interface Row extends LoadResult {
  sqlPerRequest: number;
}

async function startBenchStack(authorization: "off" | "on"): Promise<{
  stack: RunningStack;
  stop(): Promise<void>;
}> {
  let sharedUrl: string | undefined;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    url.pathname = `/mash_bench_${randomBytes(3).toString("hex")}`;
    sharedUrl = url.toString();
  }
  const stack = await startStack({
    mode: "test",
    ports: { gateway: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
    env: {
      ...(sharedUrl ? { DATABASE_URL: sharedUrl } : { DATA_DIR: "memory" }),
      SEED_SUBJECTS: String(subjects),
      LOG_LEVEL: "warn",
      // A load test is one caller sending as fast as it can: exactly what the limits refuse.
      ...TEST_RATE_LIMITS,
      ...(authorization === "off" ? AUTHORIZATION_OFF : {}),
    },
    output: "silent",
  });
  return {
    stack,
    stop: async () => {
      await stack.stop();
      if (!sharedUrl) return;
      for (const service of [...SUBGRAPH_NAMES, "gateway"]) {
        await dropPostgresDatabase(agencyDatabaseUrl(sharedUrl, service));
      }
    },
  };
}

/**
 * SQL statements per request, over a few requests sent one at a time: under load, requests still
 * in flight when the timer stops would inflate a count taken across the run.
 */
async function sqlPerRequest(target: LoadTarget, statementUrls: string[]): Promise<number> {
  const samples = 5;
  const before = await Promise.all(statementUrls.map(sqlStatementTotal));
  for (let i = 0; i < samples; i += 1) await sendOnce(target);
  const after = await Promise.all(statementUrls.map(sqlStatementTotal));
  return after.reduce((sum, value, i) => sum + value - (before[i] ?? 0), 0) / samples;
}

async function measure(target: LoadTarget, statementUrls: string[]): Promise<Row> {
  const statements = await sqlPerRequest(target, statementUrls);
  const result = await runLoad({ ...target, seconds, connections });
  return { ...result, sqlPerRequest: statements };
}

function subgraphUrls(stack: RunningStack): string[] {
  return SUBGRAPH_NAMES.map((name) => stack.urls[name] as string);
}

async function socialWorkerSession(stack: RunningStack) {
  const persona = findPersona("social-worker");
  if (!persona) throw new Error("no social-worker persona");
  const token = await issueDevToken(persona);
  const authorization = { authorization: `Bearer ${token}` };
  const data = await sendOnce({
    name: "my enquiries",
    url: stack.gatewayUrl,
    body: { query: "{ myEnquiries { id subject { id } } }" },
    headers: authorization,
  });
  const enquiries = data.myEnquiries as { id: string; subject: { id: string } }[];
  const enquiry = enquiries[0];
  if (!enquiry) throw new Error("the seeded data has no enquiry for the social worker");
  return { authorization, enquiry };
}

async function runWithAuthorizationOff(): Promise<{ rows: Row[]; floor: Row; picture: Row }> {
  const { stack, stop } = await startBenchStack("off");
  try {
    const page = await sendOnce({
      name: "page",
      url: stack.gatewayUrl,
      body: { query: "{ subjects(first: 50) { nodes { id } } }" },
    });
    const representations = (page.subjects as { nodes: { id: string }[] }).nodes.map((node) => ({
      __typename: "Subject",
      id: node.id,
    }));
    const rows: Row[] = [];
    for (const subgraph of Object.keys(SECTION_SELECTIONS) as AgencySubgraph[]) {
      const url = stack.urls[subgraph] as string;
      const variables = subgraph === "social-care" ? { first: 50 } : { representations };
      const query = directSectionQuery(subgraph);
      const body = { query, variables, operationName: "Direct" };
      const pool = await signedTokenPool({
        audience: subgraph,
        request: { query, variables, operationName: "Direct" },
        size: Math.max(2_000, seconds * 400),
      });
      rows.push(
        await measure({ name: `${subgraph} subgraph direct`, url, body, perRequestHeaders: pool }, [
          url,
        ]),
      );
    }
    const floor = rows.reduce((slowest, row) =>
      row.requestsPerSecond < slowest.requestsPerSecond ? row : slowest,
    );
    const picture = await measure(
      {
        name: "gateway: 50-subject picture, 4 sections",
        url: stack.gatewayUrl,
        body: { query: PICTURE_QUERY, variables: { first: 50 } },
      },
      subgraphUrls(stack),
    );
    rows.push(picture);
    const { enquiry } = await socialWorkerSession(stack);
    rows.push(
      await measure(
        {
          name: "gateway: enquiry case picture, authorization off",
          url: stack.gatewayUrl,
          body: { query: ENQUIRY_PICTURE_QUERY, variables: { id: enquiry.subject.id } },
        },
        subgraphUrls(stack),
      ),
    );
    return { rows, floor, picture };
  } finally {
    await stop();
  }
}

/**
 * Authorization on, over the same subgraphs: through a gateway without the access log, then
 * through one that records every read (and holds each answer until its entry is committed).
 */
async function runWithAuthorizationOn(): Promise<{ on: Row; logged: Row }> {
  const { stack, stop } = await startBenchStack("on");
  try {
    const { authorization, enquiry } = await socialWorkerSession(stack);
    const target = (name: string, url: string): LoadTarget => ({
      name,
      url,
      body: { query: ENQUIRY_PICTURE_QUERY, variables: { id: enquiry.subject.id } },
      headers: { ...authorization, "x-mash-purpose": enquiry.id },
    });
    const unlogged = await stack.startExtraGateway({ ACCESS_LOG: "disabled" });
    const on = await measure(
      target("gateway: enquiry case picture, authorization on", unlogged.url),
      subgraphUrls(stack),
    );
    const logged = await measure(
      target("gateway: enquiry case picture, authorization on + access log", stack.gatewayUrl),
      subgraphUrls(stack),
    );
    return { on, logged };
  } finally {
    await stop();
  }
}

function printTable(
  rows: Row[],
  floor: Row,
  picture: Row,
  comparison: { off: Row; on: Row; logged: Row },
): void {
  const { off, on, logged } = comparison;
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "vs floor", "SQL/request", "failures"];
  const lines = rows.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    row.p50Ms.toFixed(1),
    row.p99Ms.toFixed(1),
    (row.requestsPerSecond / floor.requestsPerSecond).toFixed(2),
    row.sqlPerRequest.toFixed(1),
    String(row.failures),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  // With the machine saturated, one request costs about (cores / throughput) of CPU time.
  const cpuMs = (row: Row) => (1000 * availableParallelism()) / row.requestsPerSecond;
  process.stdout.write(
    [
      "",
      `MASH Graph benchmark: ${subjects} subjects on ${databaseUrl ? "PostgreSQL" : "PGlite"}, ${connections} connections, ${seconds} s per scenario, loopback`,
      format(header),
      format(widths.map((width) => "-".repeat(width))),
      ...lines.map(format),
      "",
      `Floor: ${floor.name}. The 50-subject picture through the gateway runs at ${(picture.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}x the floor.`,
      `Authorization on the enquiry case picture: ${(on.requestsPerSecond / off.requestsPerSecond).toFixed(2)}x the throughput, p50 ${(on.p50Ms - off.p50Ms).toFixed(1)} ms more, about ${(cpuMs(on) - cpuMs(off)).toFixed(1)} ms more CPU per request across all services (${availableParallelism()} cores).`,
      `The access log on top: ${(logged.requestsPerSecond / on.requestsPerSecond).toFixed(2)}x the throughput, p50 ${(logged.p50Ms - on.p50Ms).toFixed(1)} ms more, about ${(cpuMs(logged) - cpuMs(on)).toFixed(1)} ms more CPU per request.`,
      "",
    ].join("\n"),
  );
}

const offRun = await runWithAuthorizationOff();
const { on, logged } = await runWithAuthorizationOn();
const off = offRun.rows.at(-1);
if (!off) throw new Error("no rows measured");
printTable([...offRun.rows, on, logged], offRun.floor, offRun.picture, { off, on, logged });
