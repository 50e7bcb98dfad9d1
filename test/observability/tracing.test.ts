import { randomBytes } from "node:crypto";
import { generateWorld } from "@mash/synthetic-world/world";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningStack } from "../../scripts/stack.js";
import { graphql } from "../support/graphql-client.js";
import { OtlpReceiver, type ReceivedSpan } from "../support/otlp-receiver.js";
import { PersonaSession } from "../support/personas.js";
import { stackBackends, startTestStack, TEST_WORLD } from "../support/system-under-test.js";

// One case-picture request, traced from the caller through the gateway, every subgraph and their
// SQL statements, exported over OTLP to a collector in this process; then the traces, the metrics
// and the logs are searched for the personal data the answer held.

const SUBGRAPHS = ["social-care", "police", "health", "probation"];
const SERVER = 2;
const CLIENT = 3;

const CASE_PICTURE = `query CasePicture($id: ID!) {
  enquiry(id: $id) {
    id
    policeCheck { status }
    healthCheck { status }
    probationCheck { status }
    subject {
      id
      name { givenName familyName }
      dateOfBirth
      address { line1 postcode }
      socialCare { known }
      police { known }
      health { known }
      probation { known }
    }
  }
}`;

interface Picture {
  enquiry: {
    subject: {
      name: { givenName: string; familyName: string };
      dateOfBirth: string;
      address: { line1: string; postcode: string } | null;
    };
  };
}

const backend = stackBackends()[0];
if (!backend) throw new Error("no stack backend");

describe("observability of one case-picture request", () => {
  const receiver = new OtlpReceiver();
  let stack: RunningStack;
  let socialWorker: PersonaSession;
  const traceId = randomBytes(16).toString("hex");
  const callerSpanId = randomBytes(8).toString("hex");
  let picture: Picture;

  /** The trace's spans, once every service has exported its part (SQL included). */
  async function traceOfRequest(): Promise<ReceivedSpan[]> {
    const complete = () => {
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      // Every service exports on its own schedule: wait until each subgraph has answered every
      // fetch the gateway made of it, and the access log's write has arrived too.
      const fetchesOf = (subgraph: string) =>
        spans.filter((span) => span.service === "gateway" && span.name === `subgraph ${subgraph}`)
          .length;
      return (
        SUBGRAPHS.every(
          (service) =>
            spans.some(
              (span) => span.service === service && span.attributes["db.operation.name"],
            ) &&
            spans.filter((span) => span.service === service && span.kind === SERVER).length ===
              fetchesOf(service),
        ) &&
        spans.some((span) => span.service === "gateway" && span.kind === SERVER) &&
        spans.some((span) => span.attributes["db.collection.name"] === "access_log_entry")
      );
    };
    await expect.poll(complete, { timeout: 60_000, interval: 250 }).toBe(true);
    return receiver.spans.filter((span) => span.traceId === traceId);
  }

  beforeAll(async () => {
    await receiver.start();
    stack = await startTestStack(
      backend,
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: "100",
        LOG_LEVEL: "debug",
      },
      "capture",
    );
    socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    const enquiry = socialWorker.enquiries[0];
    if (!enquiry) throw new Error("the social worker has no enquiry");
    socialWorker.declarePurpose(enquiry);
    const response = await graphql<Picture>(
      stack.gatewayUrl,
      CASE_PICTURE,
      { id: enquiry.id },
      { ...socialWorker.headers(), traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error("no case picture");
    picture = response.data;
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver.stop();
    await backend.cleanup();
  });

  it("continues the caller's trace through the gateway, each subgraph and their SQL", async () => {
    const spans = await traceOfRequest();
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const parent = byId.get(span.parentSpanId);
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const gatewayServer = spans.find((span) => span.service === "gateway" && span.kind === SERVER);
    expect(gatewayServer?.parentSpanId).toBe(callerSpanId);
    expect(gatewayServer?.attributes).toMatchObject({
      "graphql.operation.name": "CasePicture",
      "graphql.operation.type": "query",
    });
    const requestId = gatewayServer?.attributes["mash.request_id"];
    expect(typeof requestId).toBe("string");
    // Apollo Gateway's own spans (planning, execution) are in the same trace.
    expect(spans.map((span) => span.name)).toEqual(
      expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.execute"]),
    );

    for (const subgraph of SUBGRAPHS) {
      const fetches = spans.filter(
        (span) => span.service === "gateway" && span.name === `subgraph ${subgraph}`,
      );
      expect(fetches.length, `gateway fetches from ${subgraph}`).toBeGreaterThan(0);
      for (const fetch of fetches) {
        expect(fetch.kind).toBe(CLIENT);
        expect(ancestors(fetch)).toContain(gatewayServer);
      }
      // The subgraph's server span is a child of one of the gateway's fetches from it: the
      // traceparent header went with the request.
      const servers = spans.filter((span) => span.service === subgraph && span.kind === SERVER);
      expect(servers.length, `${subgraph} server spans`).toBe(fetches.length);
      for (const server of servers) {
        expect(fetches.map((fetch) => fetch.spanId)).toContain(server.parentSpanId);
        expect(server.attributes["mash.request_id"]).toBe(requestId);
      }
      const statements = spans.filter(
        (span) => span.service === subgraph && span.attributes["db.system.name"] === "postgresql",
      );
      expect(statements.length, `${subgraph} SQL spans`).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.kind).toBe(CLIENT);
        expect(servers).toContainEqual(ancestors(statement).find((span) => span.kind === SERVER));
        expect(statement.name).toMatch(/^(SELECT|INSERT|UPDATE|DELETE|OTHER)( [a-z_]+)?$/);
      }
    }
    // The access log's own write, in the gateway's database, is part of the request too.
    expect(
      spans.some(
        (span) =>
          span.service === "gateway" &&
          span.attributes["db.collection.name"] === "access_log_entry",
      ),
    ).toBe(true);
  });

  it("puts the request id and trace id in every log line written for the request", () => {
    const lines = stack
      .logs()
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return {};
        }
      })
      .filter((entry) => entry.traceId === traceId);
    const services = new Set(lines.map((entry) => entry.service));
    expect([...services].sort()).toEqual(["gateway", ...SUBGRAPHS].sort());
    const requestIds = new Set(lines.map((entry) => entry.requestId));
    expect(requestIds.size).toBe(1);
    expect([...requestIds][0]).toEqual(expect.any(String));
  });

  it("times operations, subgraph fetches and SQL statements, and counts denials and access-log writes", async () => {
    // A field the social worker may not see: removed by the gateway, and counted.
    await socialWorker.query(
      `query Graded($id: ID!) { subject(id: $id) { police { intelligence { sourceEvaluation } } } }`,
      { id: socialWorker.purpose?.subjectId },
    );
    const gateway = await metricsOf("gateway");
    expect(gateway).toMatch(
      /mash_graphql_request_duration_seconds_count\{[^}]*operation="CasePicture"[^}]*\} [1-9]/,
    );
    for (const subgraph of SUBGRAPHS) {
      expect(gateway).toMatch(
        new RegExp(
          `mash_subgraph_fetch_duration_seconds_count\\{[^}]*subgraph="${subgraph}"[^}]*\\} [1-9]`,
        ),
      );
      expect(await metricsOf(subgraph)).toMatch(
        /mash_sql_statement_duration_seconds_count\{[^}]*statement="select"[^}]*\} [1-9]/,
      );
    }
    expect(gateway).toMatch(/mash_access_log_writes_total\{[^}]*outcome="committed"[^}]*\} [1-9]/);
    expect(gateway).toMatch(
      /mash_authorization_denials_total\{[^}]*reason="MISSING_REQUIREMENT"[^}]*\} [1-9]/,
    );
    expect(gateway).toContain("# TYPE mash_rate_limit_refusals_total counter");
  });

  it("keeps personal data out of traces, metrics and logs", async () => {
    await traceOfRequest();
    const { subject } = picture.enquiry;
    const world = generateWorld(TEST_WORLD);
    const record = world.records.socialCare.find(
      (candidate) => candidate.recordId === socialWorker.purpose?.subjectId,
    );
    const values = [
      subject.name.givenName,
      subject.name.familyName,
      subject.dateOfBirth,
      subject.address?.line1,
      subject.address?.postcode,
      record?.nhsNumber,
    ].filter((value): value is string => typeof value === "string" && value.length > 3);
    expect(values.length).toBeGreaterThanOrEqual(4);
    const traces = receiver.bodies.join("\n");
    const metrics = (await Promise.all(["gateway", ...SUBGRAPHS].map(metricsOf))).join("\n");
    const logs = stack.logs().join("\n");
    for (const [where, text] of [
      ["traces", traces],
      ["metrics", metrics],
      ["logs", logs],
    ] as const) {
      expect(text.length, where).toBeGreaterThan(1_000);
      for (const value of values) expect(text, `${where} contain ${value}`).not.toContain(value);
    }
  });

  async function metricsOf(service: string): Promise<string> {
    const url = (stack.urls[service] ?? "").replace(/graphql$/, "metrics");
    const response = await fetch(url);
    return response.text();
  }
});
