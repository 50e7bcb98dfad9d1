import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { findPersona } from "@mash/schema/authorization/personas";
import { EnquiryPageDocument } from "@mash/web/operations";
import { print } from "graphql";
import { startStack } from "../../scripts/stack.js";

// Part of `npm run bench`: the front end's enquiry page, rendered on the server for an enquiry
// whose subject lives in a household of six (or the largest seeded), as the MASH manager through
// the real gateway with authorization and the access log on. Requests one at a time (a person
// opening the page), BENCH_PAGE_REQUESTS of them after a warm-up; p50/p95/p99 of the whole
// response, next to the same enquiry query sent straight to the gateway (the page's floor).

const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 200);
const HOUSEHOLD = 6;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timeIt(count: number, send: () => Promise<void>) {
  for (let i = 0; i < 10; i += 1) await send();
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await send();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

const stack = await startStack({
  web: true,
  ports: { gateway: 0, web: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
  env: {
    DATA_DIR: "memory",
    SEED_SUBJECTS: String(process.env.BENCH_SUBJECTS ?? 3000),
    LOG_LEVEL: "warn",
  },
  output: "silent",
});
try {
  const persona = findPersona("manager");
  if (!persona) throw new Error("no manager persona");
  const token = await issueDevToken(persona);
  const ask = async (query: string, variables: Record<string, unknown> = {}, purpose?: string) => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        ...(purpose ? { "x-mash-purpose": purpose } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown> };
  };
  const open = await ask("{ myEnquiries { id subject { household { members { id } } } } }");
  const enquiries = (open.data?.myEnquiries ?? []) as {
    id: string;
    subject: { household: { members: unknown[] } | null } | null;
  }[];
  const size = (e: (typeof enquiries)[number]) => e.subject?.household?.members.length ?? 0;
  const chosen =
    enquiries.find((e) => size(e) === HOUSEHOLD) ??
    enquiries.reduce((largest, e) => (size(e) > size(largest) ? e : largest));
  if (!chosen) throw new Error("no open enquiry to render");

  // Sign in to the front end as the manager, as a browser would (CSRF token, session cookie).
  const web = stack.webUrl ?? "";
  const signIn = await fetch(new URL("/sign-in", web));
  let cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await signIn.text())?.[1] ?? "";
  const signedIn = await fetch(new URL("/sign-in", web), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ _csrf: csrf, persona: "manager" }),
  });
  cookie = (signedIn.headers.get("set-cookie") ?? cookie).split(";")[0] ?? cookie;
  const pageUrl = new URL(`/enquiries/${chosen.id}`, web);
  const first = await fetch(pageUrl, { headers: { cookie } });
  if (first.status !== 200 || !(await first.text()).includes("Agency checks")) {
    throw new Error(`the enquiry page did not render (${first.status})`);
  }
  const query = print(EnquiryPageDocument);
  const page = await timeIt(REQUESTS, async () => {
    const response = await fetch(pageUrl, { headers: { cookie } });
    await response.text();
  });
  const direct = await timeIt(REQUESTS, async () => {
    await ask(query, { id: chosen.id }, chosen.id);
  });
  const row = (name: string, r: { p50: number; p95: number; p99: number }) =>
    `${name.padEnd(48)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`;
  process.stdout.write(
    [
      "",
      `Enquiry page, household of ${size(chosen)}, ${REQUESTS} requests one at a time (ms); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
      `${"".padEnd(48)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)}`,
      row("web: GET /enquiries/:id (gateway + render)", page),
      row("gateway: the page's query alone (the floor)", direct),
      `Server-side cost of the page over its query at p95: ${(page.p95 - direct.p95).toFixed(1)} ms; target p95 < 300 ms: ${page.p95 < 300 ? "met" : "NOT met"}`,
      "",
    ].join("\n"),
  );
} finally {
  await stack.stop();
}
