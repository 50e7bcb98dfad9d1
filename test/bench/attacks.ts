import { loadavg } from "node:os";
import { PURPOSE_HEADER } from "@mash/gateway/authorization/purpose-verifier";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { startStack } from "../../scripts/stack.js";
import { ALIAS_ATTACK, DEPTH_100, householdNesting } from "../support/attack-documents.js";
import { personaByKey } from "../support/personas.js";
import { TEST_RATE_LIMITS } from "../support/system-under-test.js";

// `npm run bench:attacks`: how fast the gateway refuses the attacks of issue 13, and how much the
// same requests cost a gateway whose operation limits are lifted (the stock behaviour, in the same
// run). Each refused attack is sent BENCH_ATTACK_RUNS times (default 30); the unlimited gateway
// gets each attack once, with a 60 s cap. Memory is read from each service's /metrics.

const runs = Number(process.env.BENCH_ATTACK_RUNS ?? 30);
const MB = 1024 * 1024;
const UNLIMITED = {
  OPERATION_MAX_TOKENS: "1000000",
  OPERATION_MAX_DEPTH: "1000",
  OPERATION_MAX_ALIASES: "1000000",
  OPERATION_MAX_DIRECTIVES: "100000",
  OPERATION_MAX_COST: "1000000",
};

const stack = await startStack({
  mode: "test",
  ports: { gateway: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
  env: {
    DATA_DIR: "memory",
    SEED_SUBJECTS: "400",
    SEED: "11",
    LOG_LEVEL: "warn",
    ...TEST_RATE_LIMITS,
  },
  // The subgraphs must take what an unlimited gateway plans, to show what the limits prevent.
  serviceEnv: Object.fromEntries(
    ["social-care", "police", "health", "probation"].map((name) => [name, UNLIMITED]),
  ),
  output: "silent",
});

async function memory(url: string) {
  const text = await (await fetch(url.replace(/graphql$/, "metrics"))).text();
  const gauge = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)`, "m").exec(text)?.[1]) / MB;
  return `rss ${gauge("process_resident_memory_bytes").toFixed(0)} MB, heap ${gauge("nodejs_heap_size_used_bytes").toFixed(0)} MB`;
}

async function send(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs = 60_000,
) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, bytes: text.length, ms: performance.now() - started };
  } catch {
    return { status: 0, bytes: 0, ms: performance.now() - started };
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  0;

try {
  const referrer = { authorization: `Bearer ${await issueDevToken(personaByKey("referrer"))}` };
  const workerToken = await issueDevToken(personaByKey("social-worker"));
  const listed = (await (
    await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${workerToken}` },
      body: JSON.stringify({ query: "{ myEnquiries { id subject { id } } }" }),
    })
  ).json()) as { data?: { myEnquiries: { id: string; subject: { id: string } }[] } };
  const enquiry = listed.data?.myEnquiries[0];
  if (!enquiry) throw new Error("the social worker has no enquiry to declare");
  const worker = { authorization: `Bearer ${workerToken}`, [PURPOSE_HEADER]: enquiry.id };
  const attacks = [
    { name: "10,000 aliases (referrer)", body: { query: ALIAS_ATTACK }, headers: referrer },
    {
      name: "household nesting x8",
      body: { query: householdNesting(8), variables: { id: enquiry.subject.id } },
      headers: worker,
    },
    { name: "depth 100", body: { query: DEPTH_100 }, headers: worker },
  ];
  const unlimited = await stack.startExtraGateway(UNLIMITED);
  const lines = [
    `bench:attacks (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  ];
  lines.push(
    `  memory before: gateway ${await memory(stack.gatewayUrl)}; social care ${await memory(stack.urls["social-care"] ?? "")}`,
  );
  for (const attack of attacks) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < runs; i += 1) {
      const result = await send(stack.gatewayUrl, attack.body, attack.headers);
      times.push(result.ms);
      status = result.status;
    }
    const stock = await send(unlimited.url, attack.body, attack.headers);
    lines.push(
      `  ${attack.name.padEnd(28)} refused ${status} p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms` +
        ` | limits lifted: ${stock.status || "timeout"} in ${stock.ms.toFixed(0)} ms, ${(stock.bytes / 1024).toFixed(0)} KB`,
    );
  }
  lines.push(
    `  memory after:  gateway ${await memory(stack.gatewayUrl)}; social care ${await memory(stack.urls["social-care"] ?? "")}`,
  );
  console.log(lines.join("\n"));
} finally {
  await stack.stop();
}
