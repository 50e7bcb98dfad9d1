import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/**
 * Runs the whole MASH graph as separate processes — four agency subgraphs and the gateway — the way
 * it runs in production, on one machine. `npm start` uses it, and so do the cross-service tests.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface ServiceSpec {
  name: string;
  /** Package folder, relative to the repository root. */
  folder: string;
  port: number;
  /**
   * What the process runs, relative to the folder: a subgraph's development server (which seeds
   * an empty database) or the gateway's own server from the TypeScript sources; with
   * `build: "dist"`, every service's compiled `dist/server.js`.
   */
  entry: string;
}

export const SUBGRAPH_NAMES = ["social-care", "police", "health", "probation"] as const;

export interface StackOptions {
  /**
   * NODE_ENV for every service, said out loud: the services default to production, which refuses
   * the committed development keys and seeding. `npm start` runs development; the tests, test;
   * the production-build test, production (with keys of its own in `env`).
   */
  mode: "development" | "test" | "production";
  /** Ports for the gateway, subgraphs and front end; 0 picks free ones (tests). */
  ports?: Partial<Record<"gateway" | "web" | (typeof SUBGRAPH_NAMES)[number], number>>;
  /** Also start the front end (web/) against the gateway: `npm start` does, and its browser tests. */
  web?: boolean;
  /** Extra environment for every service (DATA_DIR, SEED_SUBJECTS, DATABASE_URL, …). */
  env?: Record<string, string>;
  /** Extra environment for one service. */
  serviceEnv?: Record<string, Record<string, string>>;
  /**
   * Where service output goes: a formatted line per log entry, nowhere, or kept (raw) for the
   * caller to inspect with `logs()` — tests check that logs carry no personal data.
   */
  output?: "pretty" | "silent" | "capture";
  /** How long to wait for each service to be ready. */
  readyTimeoutMs?: number;
  /** Write a V8 CPU profile of each service here when it stops (for performance work). */
  cpuProfileDir?: string;
  /**
   * "source" (default): the TypeScript sources through tsx, subgraphs seeded in development.
   * "dist": what `npm run build` made, with plain node and no seeding, as production runs it.
   */
  build?: "source" | "dist";
}

/** A gateway process started in addition to the stack's own (see `startExtraGateway`). */
export interface ExtraGateway {
  url: string;
  /** Its process id (to read its memory from /proc, say). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface RunningStack {
  gatewayUrl: string;
  /** The front end's address, when it was started (`web: true`). */
  webUrl?: string;
  urls: Record<string, string>;
  services: ServiceSpec[];
  stopService(name: string): Promise<void>;
  /** A running service's process id (to read its memory from /proc, say). */
  pidOf(name: string): number | undefined;
  startService(name: string): Promise<void>;
  /**
   * Another gateway on a free port, against this stack's subgraphs, with `env` on top of the
   * stack's gateway environment (e.g. AUTHZ_MODE=reject): compares gateway configurations over the
   * same data without restarting the subgraphs. `stop()` stops it too.
   */
  startExtraGateway(env?: Record<string, string>): Promise<ExtraGateway>;
  /** Every line the services wrote so far, raw (only with `output: "capture"`). */
  logs(): string[];
  stop(): Promise<void>;
}

const DEFAULT_PORTS = {
  web: 3000,
  gateway: 4000,
  "social-care": 4001,
  police: 4002,
  health: 4003,
  probation: 4004,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(name: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(
        new Error(
          `Port ${port} (for ${name}) is in use. Stop whatever holds it, or choose another port.`,
        ),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

const LEVELS: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** One pino JSON line → `12:00:01 police      info  subgraph ready url=…`. */
function formatLine(service: string, line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${service.padEnd(12)} ${line}`;
  }
  const { level, time, msg, service: _service, pid: _pid, hostname: _host, ...rest } = entry;
  const clock = typeof time === "string" ? time.slice(11, 19) : "";
  const extras = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
  return `${clock} ${service.padEnd(12)} ${(LEVELS[Number(level)] ?? "").padEnd(5)} ${String(msg ?? "")} ${extras}`.trimEnd();
}

async function waitUntilReady(
  name: string,
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  lastLines: () => string[],
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const said = lastLines().join("\n");
      throw new Error(`${name} exited with code ${child.exitCode} while starting:\n${said}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${name} was not ready within ${timeoutMs} ms (${url})`);
}

function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const captured: string[] = [];
  const ports: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(DEFAULT_PORTS)) {
    if (name === "web" && !options.web) continue;
    const requested = options.ports?.[name as keyof typeof DEFAULT_PORTS] ?? fallback;
    ports[name] = requested === 0 ? await freePort() : requested;
    if (requested !== 0) await assertPortFree(name, ports[name] as number);
  }
  const fromDist = options.build === "dist";
  const subgraphs: ServiceSpec[] = SUBGRAPH_NAMES.map((name) => ({
    name,
    folder: `subgraphs/${name}`,
    port: ports[name] as number,
    entry: fromDist ? "dist/server.js" : "dev/server.ts",
  }));
  const gateway: ServiceSpec = {
    name: "gateway",
    folder: "gateway",
    port: ports.gateway as number,
    entry: fromDist ? "dist/server.js" : "src/server.ts",
  };
  const web: ServiceSpec | undefined = options.web
    ? {
        name: "web",
        folder: "web",
        port: ports.web as number,
        entry: fromDist ? "dist/server.js" : "src/server.ts",
      }
    : undefined;
  const urls: Record<string, string> = {};
  for (const spec of [...subgraphs, gateway])
    urls[spec.name] = `http://127.0.0.1:${spec.port}/graphql`;
  if (web) urls.web = `http://127.0.0.1:${web.port}/`;
  const subgraphUrlEnv = Object.fromEntries(
    subgraphs.map((spec) => [
      `${spec.name.toUpperCase().replace(/-/g, "_")}_URL`,
      urls[spec.name] as string,
    ]),
  );

  // Each matching agency pulls social care's new and changed subjects through the gateway and
  // links them (the subject feed). A development stack signs the feed's token with the committed
  // development keys; a production build would need a token file, so it runs without the feed.
  const subjectFeedEnv: Record<string, string> =
    options.mode === "production"
      ? {}
      : {
          SUBJECT_FEED_URL: urls.gateway as string,
          SUBJECT_FEED_DEV_TOKEN: "true",
          SUBJECT_FEED_INTERVAL_MS: "2000",
        };
  const pullsSubjectFeed = (spec: ServiceSpec) =>
    subgraphs.includes(spec) && spec.name !== "social-care";

  const children = new Map<string, ChildProcess>();
  /** Environment of the gateways started by `startExtraGateway`, by service name. */
  const extraEnv = new Map<string, Record<string, string>>();
  let gatewaysStarted = 1;
  const launch = async (spec: ServiceSpec) => {
    const profiling = options.cpuProfileDir
      ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}/${spec.name}`]
      : [];
    const runtime = fromDist ? [] : ["--conditions=development", "--import", "tsx"];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: options.mode,
      // Before the caller's environment, so a test can slow the feed or point it elsewhere.
      ...(pullsSubjectFeed(spec) ? subjectFeedEnv : {}),
      ...options.env,
      ...(spec.folder === gateway.folder ? subgraphUrlEnv : {}),
      ...(spec.folder === "web" ? { GATEWAY_URL: urls.gateway as string } : {}),
      ...options.serviceEnv?.[spec.name],
      ...extraEnv.get(spec.name),
      PORT: String(spec.port),
    };
    // A built service runs on plain node: no loader or condition may come in from the launcher.
    if (fromDist) delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [...profiling, ...runtime, spec.entry], {
      cwd: `${ROOT}/${spec.folder}`,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.set(spec.name, child);
    // What the service said last, for the error when it exits while starting.
    const recent: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      const lines = createInterface({ input: stream });
      lines.on("line", (line) => {
        recent.push(line);
        if (recent.length > 20) recent.shift();
        if (options.output === "capture") captured.push(line);
        else if (options.output !== "silent") {
          process.stdout.write(`${formatLine(spec.name, line)}\n`);
        }
      });
    }
    const readyUrl = `http://127.0.0.1:${spec.port}/readyz`;
    await waitUntilReady(spec.name, readyUrl, child, options.readyTimeoutMs ?? 180_000, () => [
      ...recent,
    ]);
  };

  // If the launcher itself dies, take the services with it rather than leave them running.
  process.once("exit", () => {
    for (const child of children.values()) if (child.exitCode === null) child.kill("SIGKILL");
  });
  const stop = async () => {
    await Promise.all([...children.values()].map((child) => stopChild(child)));
  };
  try {
    await Promise.all(subgraphs.map(launch));
    await launch(gateway);
    if (web) await launch(web);
  } catch (error) {
    await stop();
    throw error;
  }

  const specs = [...subgraphs, gateway, ...(web ? [web] : [])];
  return {
    gatewayUrl: urls.gateway as string,
    ...(web ? { webUrl: urls.web } : {}),
    urls,
    services: specs,
    stop,
    stopService: async (name) => {
      const child = children.get(name);
      if (child) await stopChild(child);
    },
    pidOf: (name) => children.get(name)?.pid,
    startService: async (name) => {
      const spec = specs.find((candidate) => candidate.name === name);
      if (!spec) throw new Error(`No service called ${name}`);
      await launch(spec);
    },
    logs: () => [...captured],
    startExtraGateway: async (env = {}) => {
      // Named before the first await, so that gateways started together get different names.
      gatewaysStarted += 1;
      const name = `${gateway.name}-${gatewaysStarted}`;
      const spec: ServiceSpec = { ...gateway, name, port: await freePort() };
      // The stack's own gateway settings first (serviceEnv.gateway), then this gateway's own.
      extraEnv.set(spec.name, { ...options.serviceEnv?.[gateway.name], ...env });
      await launch(spec);
      return {
        url: `http://127.0.0.1:${spec.port}/graphql`,
        pid: children.get(spec.name)?.pid,
        stop: async () => {
          const child = children.get(spec.name);
          if (child) await stopChild(child);
        },
      };
    },
  };
}
