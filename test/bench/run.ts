import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPurposeVerifier } from "@mash/gateway/authorization/purpose-verifier";
import { loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner } from "@mash/platform/auth/gateway-token";
import { createLogger } from "@mash/platform/observability/logger";
import { createMemoryStore } from "@mash/platform/shared-state/memory-store";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { type RunningStack, SUBGRAPH_NAMES } from "../../scripts/stack.js";
import { ENQUIRY_PICTURE_QUERY } from "../support/picture-query.js";
import { sqlStatementTotal } from "../support/sql-statements.js";
import { startBenchStack } from "./bench-stack.js";
import { summariseProfiles } from "./cpu-profile-summary.js";
import { runFloor } from "./floor.js";
import { type LoadResult, type LoadTarget, runLoad, sendOnce } from "./load.js";
import { socialWorkerSession } from "./social-worker-session.js";

// `npm run bench`: an enquiry's case picture (its subject and household, every agency's summary),
// asked by a MASH social worker declaring the enquiry as purpose, through four gateways over the
// same subgraphs (which enforce their own rules throughout), in one run:
//   everything on     the project's gateway: authentication, purpose, filter, access log
//   access log off    the same without the access log
//   authz off         the same with the gateway's filter and the access log off
//   stock             stock @apollo/gateway + @apollo/server, signing each fetch (bench/stock-gateway.ts)
// Every scenario gets the same warm-up, then the scenarios run in rounds, the order rotated each
// round so that none always runs first (or last, on a machine warming up). Ratios are taken
// against stock within the run: on a shared machine only ratios compare across runs.
const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "10" },
    rounds: { type: "string", default: process.env.BENCH_ROUNDS ?? "3" },
    warmup: { type: "string", default: process.env.BENCH_WARMUP_SECONDS ?? "5" },
    connections: { type: "string", default: process.env.BENCH_CONNECTIONS ?? "10" },
    subjects: { type: "string", default: process.env.BENCH_SUBJECTS ?? "3000" },
    /** Write a CPU profile of every service (node --cpu-prof) and print their top self time. */
    profile: { type: "boolean", default: false },
    "profile-dir": { type: "string" },
    /**
     * The gateway's own database (the access log) on this PostgreSQL server, in a database of its
     * own, while the subgraphs stay on PGlite: what moving the log out of the process buys.
     */
    "access-log-database": { type: "string", default: process.env.BENCH_ACCESS_LOG_DATABASE_URL },
    /** Add a fifth gateway: everything on with SUBGRAPH_FETCH_SHARING=disabled. */
    "sharing-off": { type: "boolean", default: false },
    /** Also run the older floor comparison (subgraphs alone, 50-subject picture). */
    floor: { type: "boolean", default: false },
  },
});
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const warmupSeconds = Number(flags.warmup);
const connections = Number(flags.connections);
const subjects = Number(flags.subjects);
const databaseUrl = process.env.BENCH_DATABASE_URL;
const profileDir = flags.profile
  ? (flags["profile-dir"] ??
    `/tmp/mash-bench-profiles-${new Date().toISOString().replace(/[:.]/g, "-")}`)
  : undefined;

const TEST_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SUPERGRAPH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

interface Scenario {
  key: string;
  name: string;
  target: LoadTarget;
  /** Services whose SQL statements a request costs (the gateway's own database included). */
  statementUrls: string[];
  pid: number | undefined;
}

interface Sample extends LoadResult {
  round: number;
  /** Requests the subgraphs answered per response the gateway gave. */
  subgraphRequestsPerResponse: number;
  /** The gateway's own SQL statements (the access log) per response, under load. */
  gatewaySqlPerResponse: number;
  /** Peak resident memory of the gateway process during the run, MB. */
  peakRssMb: number;
  loadAverage: number;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** GraphQL requests a service has answered so far, from its Prometheus endpoint. */
async function requestsAnswered(graphqlUrl: string): Promise<number> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"))).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("mash_graphql_request_duration_seconds_count"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

/**
 * Runs the load while sampling the gateway's RSS every half second, and counts what the subgraphs
 * answered meanwhile (only one scenario runs at a time, so all of it is this gateway's).
 */
async function loadWithMemory(
  scenario: Scenario,
  subgraphUrls: string[],
  runSeconds: number,
  round: number,
): Promise<Sample> {
  let peak = rssMb(scenario.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(scenario.pid));
  }, 500);
  try {
    const gatewayUrl = scenario.statementUrls.find((url) => !subgraphUrls.includes(url));
    const statements = () => (gatewayUrl ? sqlStatementTotal(gatewayUrl) : Promise.resolve(0));
    const before = await Promise.all(subgraphUrls.map(requestsAnswered));
    const statementsBefore = await statements();
    const result = await runLoad({ ...scenario.target, seconds: runSeconds, connections });
    const after = await Promise.all(subgraphUrls.map(requestsAnswered));
    const gatewayStatements = (await statements()) - statementsBefore;
    const subgraphRequests = after.reduce((sum, value, i) => sum + value - (before[i] ?? 0), 0);
    return {
      ...result,
      round,
      subgraphRequestsPerResponse: subgraphRequests / Math.max(result.requests, 1),
      gatewaySqlPerResponse: gatewayStatements / Math.max(result.requests, 1),
      peakRssMb: peak,
      loadAverage: loadavg()[0] ?? 0,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function sqlPerRequest(scenario: Scenario): Promise<number> {
  const samples = 5;
  const before = await Promise.all(scenario.statementUrls.map(sqlStatementTotal));
  for (let i = 0; i < samples; i += 1) await sendOnce(scenario.target);
  const after = await Promise.all(scenario.statementUrls.map(sqlStatementTotal));
  return after.reduce((sum, value, i) => sum + value - (before[i] ?? 0), 0) / samples;
}

async function waitForGraphQL(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`stock gateway exited (${child.exitCode})`);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("stock gateway was not ready in time");
}

/** Stock @apollo/gateway as its own process, signing every fetch with `authority`. */
async function startStockGateway(
  stack: RunningStack,
  authority: RequestAuthority,
): Promise<{ url: string; pid: number | undefined; stop(): Promise<void> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/stock-gateway`] : [];
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      `${name.toUpperCase().replace(/-/g, "_")}_URL`,
      stack.urls[name] as string,
    ]),
  );
  const child = spawn(
    process.execPath,
    [...profiling, "--conditions=development", "--import", "tsx", "bench/stock-gateway.ts"],
    {
      cwd: TEST_ROOT,
      env: {
        ...process.env,
        ...subgraphUrls,
        NODE_ENV: "test",
        PORT: String(port),
        SUPERGRAPH_PATH: SUPERGRAPH,
        BENCH_AUTHORITY: JSON.stringify(authority),
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitForGraphQL(url, child);
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** What the project's gateway verifies for the social worker's purpose, for stock to sign with. */
async function verifiedAuthority(
  stack: RunningStack,
  principal: RequestAuthority["principal"] & {},
  enquiryId: string,
): Promise<RequestAuthority> {
  const verifier = createPurposeVerifier({
    url: stack.urls["social-care"] as string,
    audience: "social-care",
    signer: createGatewaySigner({ privateJwk: loadGatewaySigningKey({ NODE_ENV: "test" }) }),
    cacheMs: 0,
    timeoutMs: 30_000,
    store: createMemoryStore(),
    logger: createLogger("bench", "warn"),
  });
  const { purpose, breakGlass } = await verifier.verify(principal, enquiryId);
  return { principal, purpose, breakGlass };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function table(header: string[], lines: string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)];
}

function report(
  scenarios: Scenario[],
  samples: Map<string, Sample[]>,
  sql: Map<string, number>,
  loadBefore: number[],
): void {
  const summary = new Map(
    scenarios.map((scenario) => {
      const runs = samples.get(scenario.key) ?? [];
      return [
        scenario.key,
        {
          rps: mean(runs.map((run) => run.requestsPerSecond)),
          min: Math.min(...runs.map((run) => run.requestsPerSecond)),
          max: Math.max(...runs.map((run) => run.requestsPerSecond)),
          p50: mean(runs.map((run) => run.p50Ms)),
          p99: mean(runs.map((run) => run.p99Ms)),
          rss: Math.max(...runs.map((run) => run.peakRssMb)),
          fetches: mean(runs.map((run) => run.subgraphRequestsPerResponse)),
          gatewaySql: mean(runs.map((run) => run.gatewaySqlPerResponse)),
          failures: runs.reduce((sum, run) => sum + run.failures, 0),
        },
      ];
    }),
  );
  const stock = summary.get("stock");
  const on = summary.get("on");
  const off = summary.get("authz-off");
  const unlogged = summary.get("log-off");
  const unshared = summary.get("unshared");
  const lines = scenarios.map((scenario) => {
    const row = summary.get(scenario.key);
    if (!row) return [scenario.name];
    return [
      scenario.name,
      `${row.rps.toFixed(1)} (${row.min.toFixed(0)}-${row.max.toFixed(0)})`,
      row.p50.toFixed(1),
      row.p99.toFixed(1),
      stock ? (row.rps / stock.rps).toFixed(2) : "",
      (sql.get(scenario.key) ?? 0).toFixed(1),
      row.fetches.toFixed(2),
      row.gatewaySql.toFixed(2),
      Number.isNaN(row.rss) ? "" : row.rss.toFixed(0),
      String(row.failures),
    ];
  });
  const perRound = [...Array(rounds).keys()].map((round) => {
    const at = (key: string) =>
      samples.get(key)?.find((sample) => sample.round === round)?.requestsPerSecond ?? Number.NaN;
    const load = samples.get("on")?.find((sample) => sample.round === round)?.loadAverage ?? 0;
    return `round ${round + 1} (load ${load.toFixed(2)}): ${scenarios.map((s) => `${s.key} ${at(s.key).toFixed(1)}`).join(", ")}; on/stock ${(at("on") / at("stock")).toFixed(2)}`;
  });
  process.stdout.write(
    [
      "",
      `MASH Graph benchmark: enquiry case picture, social worker with purpose; ${subjects} subjects on ${databaseUrl ? "PostgreSQL" : "PGlite"}; access log on ${databaseUrl || flags["access-log-database"] ? "PostgreSQL" : "PGlite in the gateway's process"}; ${connections} connections; ${warmupSeconds} s warm-up each, then ${rounds} rounds of ${seconds} s, order rotated; ${availableParallelism()} cores; load average before ${loadBefore.map((value) => value.toFixed(2)).join(" ")}, after ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
      ...table(
        [
          "scenario",
          "req/s mean (range)",
          "p50 ms",
          "p99 ms",
          "vs stock",
          "SQL/request",
          "subgraph req/response",
          "gateway SQL/response (load)",
          "peak RSS MB",
          "failures",
        ],
        lines,
      ),
      "",
      ...perRound,
      "",
      on && stock
        ? `Everything on: ${(on.rps / stock.rps).toFixed(2)}x stock @apollo/gateway's throughput, p99 ${on.p99.toFixed(0)} ms against ${stock.p99.toFixed(0)} ms.`
        : "",
      on && off
        ? `Authorization + purpose + access log together: ${(on.rps / off.rps).toFixed(2)}x the throughput of the same gateway with them off (a cost of ${(100 * (1 - on.rps / off.rps)).toFixed(0)}%).`
        : "",
      on && unlogged
        ? `The access log alone: ${(on.rps / unlogged.rps).toFixed(2)}x the throughput without it.`
        : "",
      unlogged && off
        ? `The filter and purpose alone (access log off): ${(unlogged.rps / off.rps).toFixed(2)}x authorization off.`
        : "",
      on && unshared
        ? `Sharing identical in-flight fetches: ${(on.rps / unshared.rps).toFixed(2)}x the throughput of everything on without it.`
        : "",
      "",
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const { stack, stop } = await startBenchStack({
    subjects,
    databaseUrl,
    accessLogServer: flags["access-log-database"],
    cpuProfileDir: profileDir,
  });
  const stopping: (() => Promise<void>)[] = [];
  try {
    const { persona, authorization, enquiry } = await socialWorkerSession(stack);
    const principal = {
      id: persona.id,
      displayName: persona.displayName,
      agency: persona.agency,
      roles: [...persona.roles],
    };
    const authority = await verifiedAuthority(stack, principal, enquiry.id);
    const unlogged = await stack.startExtraGateway({ ACCESS_LOG: "disabled" });
    const authzOff = await stack.startExtraGateway({ ACCESS_LOG: "disabled", AUTHZ_MODE: "off" });
    const stock = await startStockGateway(stack, authority);
    stopping.push(unlogged.stop, authzOff.stop, stock.stop);
    const unshared = flags["sharing-off"]
      ? await stack.startExtraGateway({ SUBGRAPH_FETCH_SHARING: "disabled" })
      : undefined;
    if (unshared) stopping.push(unshared.stop);

    const subgraphUrls = SUBGRAPH_NAMES.map((name) => stack.urls[name] as string);
    const target = (url: string): LoadTarget => ({
      name: url,
      url,
      body: { query: ENQUIRY_PICTURE_QUERY, variables: { id: enquiry.subject.id } },
      headers: { ...authorization, "x-mash-purpose": enquiry.id },
    });
    const scenarios: Scenario[] = [
      {
        key: "on",
        name: "everything on (filter, purpose, access log)",
        target: target(stack.gatewayUrl),
        statementUrls: [...subgraphUrls, stack.gatewayUrl],
        pid: stack.pidOf("gateway"),
      },
      {
        key: "log-off",
        name: "access log off",
        target: target(unlogged.url),
        statementUrls: [...subgraphUrls, unlogged.url],
        pid: unlogged.pid,
      },
      {
        key: "authz-off",
        name: "authorization off (AUTHZ_MODE=off, no access log)",
        target: target(authzOff.url),
        statementUrls: [...subgraphUrls, authzOff.url],
        pid: authzOff.pid,
      },
      {
        key: "stock",
        name: "stock @apollo/gateway (signing only)",
        target: target(stock.url),
        statementUrls: subgraphUrls,
        pid: stock.pid,
      },
      ...(unshared
        ? [
            {
              key: "unshared",
              name: "everything on, fetch sharing off",
              target: target(unshared.url),
              statementUrls: [...subgraphUrls, unshared.url],
              pid: unshared.pid,
            },
          ]
        : []),
    ];

    // The same answer from every gateway, or the comparison compares different work.
    const answers = new Map<string, string>();
    for (const scenario of scenarios) {
      answers.set(scenario.key, JSON.stringify(await sendOnce(scenario.target)));
    }
    const reference = answers.get("on");
    for (const [key, answer] of answers) {
      if (answer !== reference) {
        process.stderr.write(`warning: ${key} answers differently from everything on\n`);
      }
    }

    const sql = new Map<string, number>();
    for (const scenario of scenarios) sql.set(scenario.key, await sqlPerRequest(scenario));

    process.stdout.write(`warm-up: ${warmupSeconds} s per scenario\n`);
    for (const scenario of scenarios) {
      await runLoad({ ...scenario.target, seconds: warmupSeconds, connections });
    }
    const samples = new Map<string, Sample[]>(scenarios.map((scenario) => [scenario.key, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = scenarios.map((_, i) => scenarios[(i + round) % scenarios.length] as Scenario);
      for (const scenario of order) {
        const sample = await loadWithMemory(scenario, subgraphUrls, seconds, round);
        samples.get(scenario.key)?.push(sample);
        process.stdout.write(
          `round ${round + 1} ${scenario.key}: ${sample.requestsPerSecond.toFixed(1)} req/s, p50 ${sample.p50Ms} ms, p99 ${sample.p99Ms} ms, ${sample.subgraphRequestsPerResponse.toFixed(2)} subgraph requests/response, RSS ${sample.peakRssMb.toFixed(0)} MB, load ${sample.loadAverage.toFixed(2)}\n`,
        );
      }
    }
    report(scenarios, samples, sql, loadBefore);
  } finally {
    for (const stopOne of stopping) await stopOne();
    await stop();
  }
  if (profileDir) {
    // startExtraGateway names the gateways it starts gateway-2, gateway-3, … in order.
    const labels = {
      gateway: "everything on",
      "gateway-2": "access log off",
      "gateway-3": "authorization off",
      "stock-gateway": "stock @apollo/gateway",
      "gateway-4": "everything on, fetch sharing off",
    };
    process.stdout.write(
      `\nCPU profiles in ${profileDir}\n${summariseProfiles(profileDir, labels)}\n`,
    );
  }
  if (flags.floor) await runFloor();
}

await main();
