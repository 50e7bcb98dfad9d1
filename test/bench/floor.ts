import { type RunningStack, SUBGRAPH_NAMES } from "../../scripts/stack.js";
import {
  type AgencySubgraph,
  directSectionQuery,
  ENQUIRY_PICTURE_QUERY,
  PICTURE_QUERY,
  SECTION_SELECTIONS,
} from "../support/picture-query.js";
import { sqlStatementTotal } from "../support/sql-statements.js";
import { AUTHORIZATION_OFF } from "../support/system-under-test.js";
import { startBenchStack } from "./bench-stack.js";
import { type LoadResult, type LoadTarget, runLoad, sendOnce } from "./load.js";
import { signedTokenPool } from "./signed-requests.js";
import { socialWorkerSession } from "./social-worker-session.js";

// `npm run bench -- --floor`: with authorization off (NODE_ENV=test), the 50-subject picture
// through the gateway against each subgraph answering its own part directly (the slowest is the
// floor), and an enquiry's case picture. BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_SUBJECTS tune it;
// BENCH_DATABASE_URL runs it on PostgreSQL.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const subjects = Number(process.env.BENCH_SUBJECTS ?? 3000);
const databaseUrl = process.env.BENCH_DATABASE_URL;

interface Row extends LoadResult {
  sqlPerRequest: number;
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

async function runWithAuthorizationOff(): Promise<{ rows: Row[]; floor: Row; picture: Row }> {
  const { stack, stop } = await startBenchStack({ subjects, databaseUrl, env: AUTHORIZATION_OFF });
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

function printTable(rows: Row[], floor: Row, picture: Row): void {
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
  process.stdout.write(
    [
      "",
      `Floor: ${subjects} subjects on ${databaseUrl ? "PostgreSQL" : "PGlite"}, ${connections} connections, ${seconds} s per scenario, loopback, authorization off`,
      format(header),
      format(widths.map((width) => "-".repeat(width))),
      ...lines.map(format),
      "",
      `Floor: ${floor.name}. The 50-subject picture through the gateway runs at ${(picture.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}x the floor.`,
      "",
    ].join("\n"),
  );
}

/** The 50-subject picture against the subgraphs alone, then the enquiry picture, authorization off. */
export async function runFloor(): Promise<void> {
  const { rows, floor, picture } = await runWithAuthorizationOff();
  printTable(rows, floor, picture);
}
