import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { findPersona } from "@mash/schema/authorization/personas";
import { EnquiryPageDocument } from "@mash/web/operations";
import { print } from "graphql";
import { startStack } from "../../scripts/stack.js";
import { contactAbout } from "../support/contact-about.js";

// Part of `npm run bench`: the front end's enquiry page, rendered on the server for an enquiry
// whose subject lives in a household of six (a seeded subject whom a school refers, the enquiry
// opened by the social worker; the largest household when the seed has no six), as the MASH
// manager through the real gateway with authorization and the access log on. Requests one at a
// time (a person opening the page), BENCH_PAGE_REQUESTS of them after a warm-up; p50/p95/p99 of the whole
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
  mode: "test",
  web: true,
  ports: { gateway: 0, web: 0, "social-care": 0, police: 0, health: 0, probation: 0 },
  env: {
    DATA_DIR: "memory",
    SEED_SUBJECTS: String(process.env.BENCH_SUBJECTS ?? 3000),
    LOG_LEVEL: "warn",
  },
  output: "silent",
  // Seeding thousands of people on a busy machine takes minutes: a hang is what this catches.
  readyTimeoutMs: 900_000,
});
try {
  const tokenOf = async (key: string) => {
    const persona = findPersona(key);
    if (!persona) throw new Error(`no ${key} persona`);
    return issueDevToken(persona);
  };
  const token = await tokenOf("manager");
  const ask = async (
    query: string,
    variables: Record<string, unknown> = {},
    purpose?: string,
    as = token,
    strict = true,
  ) => {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${as}`,
        ...(purpose ? { "x-mash-purpose": purpose } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (strict && body.errors?.length)
      throw new Error(`the gateway refused: ${JSON.stringify(body.errors)}`);
    return body;
  };
  const chosen = await enquiryAboutHouseholdOf(HOUSEHOLD);

  /**
   * An open enquiry whose subject lives in a household of `wanted` (or the largest the seed has):
   * the subject is found among the seeded people (identity only, no purpose needed), a school
   * refers them, the social worker opens the enquiry, as the workflow does it.
   */
  async function enquiryAboutHouseholdOf(wanted: number) {
    type Person = {
      id: string;
      name: { givenName: string; familyName: string };
      dateOfBirth: string | null;
      household: { members: { id: string }[] } | null;
    };
    let best: Person | undefined;
    let after: string | null = null;
    do {
      const page = await ask(
        "query S($after: String) { subjects(first: 100, after: $after) { nodes { id name { givenName familyName } dateOfBirth household { members { id } } } pageInfo { endCursor hasNextPage } } }",
        { after },
      );
      const subjects = page.data?.subjects as {
        nodes: Person[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
      const members = (person?: Person) => person?.household?.members.length ?? 0;
      for (const person of subjects.nodes) {
        if (!person.dateOfBirth) continue;
        if (members(person) === wanted || members(person) > members(best)) best = person;
        if (members(best) === wanted) break;
      }
      after =
        subjects.pageInfo.hasNextPage && members(best) !== wanted
          ? subjects.pageInfo.endCursor
          : null;
    } while (after);
    if (!best?.dateOfBirth) throw new Error("no seeded subject to refer");
    const referrer = await tokenOf("referrer");
    const worker = await tokenOf("social-worker");
    const contact = await ask(
      "mutation C($input: SubmitContactInput!) { submitContact(input: $input) { id } }",
      {
        input: contactAbout(
          {
            recordId: best.id,
            givenName: best.name.givenName,
            familyName: best.name.familyName,
            dateOfBirth: best.dateOfBirth,
          },
          `bench-${Date.now()}`,
        ),
      },
      undefined,
      referrer,
    );
    const contactId = (contact.data?.submitContact as { id: string } | undefined)?.id;
    const opened = await ask(
      "mutation O($id: ID!) { openEnquiry(input: { contactId: $id }) { id subject { id household { members { id } } } } }",
      { id: contactId },
      undefined,
      worker,
    );
    const enquiry = opened.data?.openEnquiry as
      | { id: string; subject: { id: string; household: { members: unknown[] } | null } }
      | undefined;
    if (!enquiry || enquiry.subject.id !== best.id) {
      throw new Error(
        "the referral did not find the seeded subject (a namesake born the same day?)",
      );
    }
    return { id: enquiry.id, household: enquiry.subject.household?.members.length ?? 0 };
  }

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
  const loadBefore = loadavg()[0] ?? 0;
  const page = await timeIt(REQUESTS, async () => {
    const response = await fetch(pageUrl, { headers: { cookie } });
    await response.text();
  });
  const direct = await timeIt(REQUESTS, async () => {
    // The manager is refused some fields (their role): those errors are part of the answer.
    await ask(query, { id: chosen.id }, chosen.id, token, false);
  });
  const row = (name: string, r: { p50: number; p95: number; p99: number }) =>
    `${name.padEnd(48)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`;
  process.stdout.write(
    [
      "",
      `Enquiry page, household of ${chosen.household}, ${REQUESTS} requests one at a time (ms); machine load (1-minute average) ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores`,
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
