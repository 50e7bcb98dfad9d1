import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { type RunningGateway, startGateway } from "@mash/gateway/start-gateway";
import { loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner } from "@mash/platform/auth/gateway-token";
import { type RunningSubgraph, startSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { policeSubgraph } from "@mash/police/subgraph";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, personaByKey } from "../support/personas.js";

// Replicas share state through the Redis every developer's machine and CI run (the brief's
// 127.0.0.1:6379). Each run writes under its own prefix and removes everything under it.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `mash-test-${randomBytes(6).toString("hex")}:`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), ...json };
}

const redis = new Redis(REDIS_URL, { lazyConnect: true });

afterAll(async () => {
  // Everything this run wrote, and nothing else.
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
});

beforeAll(async () => {
  await redis.connect();
});

describe("two replicas of a subgraph", () => {
  const replicas: RunningSubgraph[] = [];
  const signer = createGatewaySigner({ privateJwk: loadGatewaySigningKey({ NODE_ENV: "test" }) });

  async function police(sharedState: Record<string, string>) {
    const replica = await startSubgraph(policeSubgraph, {
      env: {
        NODE_ENV: "test",
        PORT: String(await freePort()),
        DATA_DIR: "memory",
        LOG_LEVEL: "silent",
        ...sharedState,
      },
    });
    replicas.push(replica);
    return replica;
  }

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  /** One gateway-signed request, sent to `first` and then, unchanged, to `second`. */
  async function sendTwice(first: RunningSubgraph, second: RunningSubgraph) {
    const request = { query: "query Probe { __typename }", operationName: "Probe" };
    const token = await signer.sign({
      audience: "police",
      authority: { principal: null, purpose: null, breakGlass: [] },
      request,
    });
    const headers = { authorization: `Bearer ${token}` };
    const onFirst = await post(first.url, request, headers);
    const onSecond = await post(second.url, request, headers);
    return [onFirst, onSecond] as const;
  }

  it("refuses on one replica a token already used on the other (Redis)", async () => {
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: PREFIX };
    const [a, b] = [await police(shared), await police(shared)];
    const [onA, replayedOnB] = await sendTwice(a, b);
    expect(onA.status).toBe(200);
    expect(onA.data).toEqual({ __typename: "Query" });
    expect(replayedOnB.status).toBe(401);
    expect(replayedOnB.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason: "REPLAYED",
    });
    // And the other way round, with a fresh token.
    const [onB, replayedOnA] = await sendTwice(b, a);
    expect(onB.status).toBe(200);
    expect(replayedOnA.errors?.[0]?.extensions?.reason).toBe("REPLAYED");
  });

  it("would accept the replay without a shared store: what Redis is for", async () => {
    const [a, b] = [await police({}), await police({})];
    const [onA, onB] = await sendTwice(a, b);
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
  });
});

describe("two gateway replicas sharing Redis", () => {
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      gateways.push(
        await startGateway({
          NODE_ENV: "test",
          PORT: String(await freePort()),
          LOG_LEVEL: "silent",
          ACCESS_LOG: "disabled",
          REDIS_URL,
          REDIS_KEY_PREFIX: PREFIX,
          RATE_LIMIT_READS: "4",
          RATE_LIMIT_WRITES: "2",
          RATE_LIMIT_FAILED_SIGN_INS: "3",
        }),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
  });

  const urls = () => gateways.map((gateway) => gateway.url);

  it("count a caller's reads together, then answer 429 with Retry-After on both", async () => {
    const token = await issueDevToken(personaByKey("social-worker"));
    const [a, b] = urls() as [string, string];
    const read = (url: string) => post(url, { query: "{ __typename }" }, bearer(token));
    for (const url of [a, b, a, b]) expect((await read(url)).status).toBe(200);
    for (const url of [a, b]) {
      const refused = await read(url);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "RATE_LIMITED",
        budget: "reads",
      });
    }
    // Writes have a budget of their own; another practitioner has theirs untouched.
    expect((await post(a, { query: "mutation { __typename }" }, bearer(token))).status).toBe(200);
    const colleague = await issueDevToken(personaByKey("police-officer"));
    expect((await read(b)).status).toBe(429);
    expect((await post(b, { query: "{ __typename }" }, bearer(colleague))).status).toBe(200);
  });

  it("count failed sign-ins from an address together, then refuse it on both", async () => {
    const [a, b] = urls() as [string, string];
    const forged = { authorization: "Bearer not.a.token" };
    for (const url of [a, b, a]) {
      expect((await post(url, { query: "{ __typename }" }, forged)).status).toBe(401);
    }
    for (const url of [b, a]) {
      const refused = await post(url, { query: "{ __typename }" }, forged);
      expect(refused.status).toBe(429);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: "RATE_LIMITED",
        budget: "failed-sign-ins",
      });
    }
  });
});
