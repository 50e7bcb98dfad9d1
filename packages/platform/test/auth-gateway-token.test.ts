import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { loadGatewayPublicKeys, loadGatewaySigningKey } from "../src/auth/gateway-keys.js";
import {
  createGatewaySigner,
  createGatewayVerifier,
  GATEWAY_TOKEN_TYPE,
  type GatewayTokenReason,
  type GatewayVerifierOptions,
} from "../src/auth/gateway-token.js";
import { createMemoryReplayGuard } from "../src/auth/replay-guard.js";
import { type GraphQLRequestBinding, hashGraphQLRequest } from "../src/auth/request-hash.js";
import { ConfigurationError } from "../src/config/parse-env.js";

const T0 = new Date("2026-03-02T09:30:00Z");
const T0_SECONDS = T0.getTime() / 1000;

const authority: RequestAuthority = {
  principal: {
    id: "user-7f3a",
    displayName: "Sam Okafor",
    agency: "police",
    roles: ["mash-police-researcher"],
  },
  purpose: {
    enquiryId: "8a4c2f1e-5b6d-4e7f-9a0b-1c2d3e4f5a6b",
    subjectIds: ["0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70"],
  },
  breakGlass: [
    {
      id: "bg-1",
      subjectId: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
      expiresAt: "2026-03-02T13:30:00Z",
    },
  ],
};

const request: GraphQLRequestBinding = {
  query: "query Subject($id: ID!, $filter: Filter) { subject(id: $id) { id } }",
  variables: {
    id: "0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70",
    filter: { from: "2025-01-01", to: null },
  },
  operationName: "Subject",
};

const devPrivateJwk = loadGatewaySigningKey({ NODE_ENV: "test" });
const devPublicJwks = loadGatewayPublicKeys({ NODE_ENV: "test" });

/** A verifier for `health` whose clock the test moves. */
function healthVerifier(overrides: Partial<GatewayVerifierOptions> = {}) {
  const clock = { now: T0 };
  const verifier = createGatewayVerifier({
    publicJwks: devPublicJwks,
    audience: "health",
    now: () => clock.now,
    ...overrides,
  });
  return { verifier, clock };
}

const signer = createGatewaySigner({ privateJwk: devPrivateJwk, now: () => T0 });

function signForHealth(input: Partial<{ audience: string; request: GraphQLRequestBinding }> = {}) {
  return signer.sign({
    audience: input.audience ?? "health",
    authority,
    request: input.request ?? request,
  });
}

/** The claims a genuine gateway token carries, for hand-crafted variations. */
function genuineClaims(): JWTPayload {
  return {
    iss: "mash-gateway",
    aud: "health",
    sub: authority.principal?.id,
    iat: T0_SECONDS,
    exp: T0_SECONDS + 30,
    jti: crypto.randomUUID(),
    mash: authority,
    req: hashGraphQLRequest(request),
  };
}

/** Signs arbitrary claims with the real gateway key: a signer bug, or a future claim layout. */
async function signWithDevKey(claims: JWTPayload, header: Record<string, unknown> = {}) {
  const key = await importJWK(devPrivateJwk, "EdDSA");
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: "EdDSA",
      kid: devPrivateJwk.kid,
      typ: GATEWAY_TOKEN_TYPE,
      ...header,
    })
    .sign(key);
}

async function expectRefusal(
  promise: Promise<unknown>,
  reason: GatewayTokenReason,
  token?: string,
): Promise<GraphQLError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${reason} refusal, but the token was accepted`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const graphQLError = error as GraphQLError;
  expect(graphQLError.extensions).toEqual({
    code: "UNAUTHENTICATED",
    reason,
    http: { status: 401 },
  });
  expect(graphQLError.message).toMatch(
    /^This subgraph only accepts requests signed by the MASH gateway: /,
  );
  if (token) {
    for (const part of token.split(".").filter((segment) => segment.length > 8)) {
      expect(graphQLError.message).not.toContain(part);
    }
  }
  return graphQLError;
}

describe("hashGraphQLRequest", () => {
  it("ignores key order and treats absent variables and operation name as empty", () => {
    expect(hashGraphQLRequest({ query: "{ a }", variables: { b: 1, a: { d: 2, c: 3 } } })).toBe(
      hashGraphQLRequest({ query: "{ a }", variables: { a: { c: 3, d: 2 }, b: 1 } }),
    );
    expect(hashGraphQLRequest({ query: "{ a }" })).toBe(
      hashGraphQLRequest({ query: "{ a }", variables: {}, operationName: null }),
    );
    expect(hashGraphQLRequest({ query: "{ a }" })).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("changes with the document, the variable values and the operation name", () => {
    const base = hashGraphQLRequest({ query: "{ a }", variables: { x: 1 } });
    expect(hashGraphQLRequest({ query: "{ b }", variables: { x: 1 } })).not.toBe(base);
    expect(hashGraphQLRequest({ query: "{ a }", variables: { x: 2 } })).not.toBe(base);
    expect(hashGraphQLRequest({ query: "{ a }", variables: { x: "1" } })).not.toBe(base);
    expect(
      hashGraphQLRequest({ query: "{ a }", variables: { x: 1 }, operationName: "A" }),
    ).not.toBe(base);
  });
});

describe("gateway token", () => {
  it("verifies a signed request and returns the authority it carries", async () => {
    const { verifier } = healthVerifier();
    const token = await signForHealth();
    await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(authority);
  });

  it("has the documented layout: kid, typ, iss, aud, iat, short exp, jti, sub, mash, req", async () => {
    const token = await signForHealth();
    expect(decodeProtectedHeader(token)).toEqual({
      alg: "EdDSA",
      kid: "dev-gateway-signing-1",
      typ: GATEWAY_TOKEN_TYPE,
    });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      iss: "mash-gateway",
      aud: "health",
      iat: T0_SECONDS,
      exp: T0_SECONDS + 30,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sub: "user-7f3a",
      mash: authority,
      req: hashGraphQLRequest(request),
    });
    expect(decodeJwt(await signForHealth()).jti).not.toBe(claims.jti);
  });

  it("carries an anonymous authority with sub 'anonymous'", async () => {
    const { verifier } = healthVerifier();
    const anonymous: RequestAuthority = { principal: null, purpose: null, breakGlass: [] };
    const token = await signer.sign({ audience: "health", authority: anonymous, request });
    expect(decodeJwt(token).sub).toBe("anonymous");
    await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(anonymous);
  });

  it("keeps only the authority's known fields", async () => {
    const richer = {
      ...authority,
      principal: authority.principal ? { ...authority.principal, email: "sam@example.org" } : null,
      rawAccessToken: "eyJ...",
    };
    const token = await signer.sign({ audience: "health", authority: richer, request });
    expect(JSON.stringify(decodeJwt(token))).not.toMatch(/email|rawAccessToken/);
  });

  it("verifies variables sent with their keys in another order (canonical JSON)", async () => {
    const { verifier } = healthVerifier();
    const token = await signForHealth();
    const reordered: GraphQLRequestBinding = {
      operationName: "Subject",
      variables: { filter: { to: null, from: "2025-01-01" }, id: request.variables?.id },
      query: request.query,
    };
    await expect(verifier.verify(`Bearer ${token}`, reordered)).resolves.toEqual(authority);
  });

  it("accepts a token just past exp but within the clock tolerance", async () => {
    const { verifier, clock } = healthVerifier();
    const token = await signForHealth();
    clock.now = new Date(T0.getTime() + 33_000);
    await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(authority);
  });

  describe("refuses", () => {
    it("a request without an Authorization header (MISSING_GATEWAY_TOKEN)", async () => {
      const { verifier } = healthVerifier();
      const error = await expectRefusal(
        verifier.verify(undefined, request),
        "MISSING_GATEWAY_TOKEN",
      );
      expect(error.message).toContain("not to a subgraph directly");
      await expectRefusal(verifier.verify("  ", request), "MISSING_GATEWAY_TOKEN");
    });

    it("another authorization scheme (MALFORMED_GATEWAY_TOKEN)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      await expectRefusal(
        verifier.verify("Basic c2FtOnBhc3N3b3Jk", request),
        "MALFORMED_GATEWAY_TOKEN",
      );
      await expectRefusal(verifier.verify(`Token ${token}`, request), "MALFORMED_GATEWAY_TOKEN");
      await expectRefusal(verifier.verify("Bearer", request), "MALFORMED_GATEWAY_TOKEN");
      await expectRefusal(verifier.verify(token, request), "MALFORMED_GATEWAY_TOKEN", token);
    });

    it("garbage (MALFORMED_GATEWAY_TOKEN)", async () => {
      const { verifier } = healthVerifier();
      for (const garbage of [
        "not-a-token",
        "a.b",
        "!!!.???.###",
        "aaaa.bbbb.cccc",
        "e30.e30.e30",
      ]) {
        await expectRefusal(
          verifier.verify(`Bearer ${garbage}`, request),
          "MALFORMED_GATEWAY_TOKEN",
        );
      }
    });

    it("a token signed by another Ed25519 key, even under the gateway's kid (BAD_SIGNATURE)", async () => {
      const { verifier } = healthVerifier();
      const { privateKey } = await generateKeyPair("EdDSA", { extractable: true });
      const impostorJwk = await exportJWK(privateKey);
      for (const kid of ["dev-gateway-signing-1", "impostor-1"]) {
        const impostor = createGatewaySigner({
          privateJwk: { ...impostorJwk, kid },
          now: () => T0,
        });
        const token = await impostor.sign({ audience: "health", authority, request });
        await expectRefusal(verifier.verify(`Bearer ${token}`, request), "BAD_SIGNATURE", token);
      }
    });

    it("an unsigned token with alg: none (BAD_SIGNATURE)", async () => {
      const { verifier } = healthVerifier();
      const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
      const header = { alg: "none", typ: GATEWAY_TOKEN_TYPE, kid: "dev-gateway-signing-1" };
      const token = `${encode(header)}.${encode(genuineClaims())}.`;
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "BAD_SIGNATURE", token);
    });

    it("HS256 keyed with the gateway's public key: algorithm confusion (BAD_SIGNATURE)", async () => {
      const { verifier } = healthVerifier();
      const publicJwk = devPublicJwks.keys[0];
      if (!publicJwk) throw new Error("the development JWKS has no key");
      const secrets = [
        base64url.decode(String(publicJwk.x)),
        new TextEncoder().encode(JSON.stringify(publicJwk)),
        new TextEncoder().encode(JSON.stringify(devPublicJwks)),
      ];
      for (const secret of secrets) {
        const token = await new SignJWT(genuineClaims())
          .setProtectedHeader({ alg: "HS256", kid: publicJwk.kid, typ: GATEWAY_TOKEN_TYPE })
          .sign(secret);
        await expectRefusal(verifier.verify(`Bearer ${token}`, request), "BAD_SIGNATURE", token);
      }
    });

    it("a token for police replayed to health (WRONG_AUDIENCE)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth({ audience: "police" });
      const error = await expectRefusal(
        verifier.verify(`Bearer ${token}`, request),
        "WRONG_AUDIENCE",
        token,
      );
      expect(error.message).toContain('not "health"');
      expect(error.message).not.toContain("police");
    });

    it("a token addressed to several subgraphs at once (WRONG_AUDIENCE)", async () => {
      const { verifier } = healthVerifier();
      const token = await signWithDevKey({ ...genuineClaims(), aud: ["police", "health"] });
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "WRONG_AUDIENCE", token);
    });

    it("a token from another issuer (WRONG_ISSUER)", async () => {
      const { verifier } = healthVerifier();
      const other = createGatewaySigner({
        privateJwk: devPrivateJwk,
        issuer: "some-other-gateway",
        now: () => T0,
      });
      const token = await other.sign({ audience: "health", authority, request });
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "WRONG_ISSUER", token);
    });

    it("an expired token, beyond the clock tolerance (EXPIRED)", async () => {
      const { verifier, clock } = healthVerifier();
      const token = await signForHealth();
      clock.now = new Date(T0.getTime() + 36_000);
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "EXPIRED", token);
    });

    it("a token with a far-off exp once it is older than the max token age (EXPIRED)", async () => {
      const { verifier, clock } = healthVerifier();
      const token = await signWithDevKey({ ...genuineClaims(), exp: T0_SECONDS + 86_400 });
      clock.now = new Date(T0.getTime() + 126_000);
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "EXPIRED", token);
    });

    it("a token issued in the future beyond the tolerance (EXPIRED)", async () => {
      const { verifier, clock } = healthVerifier();
      const token = await signForHealth();
      clock.now = new Date(T0.getTime() - 10_000);
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "EXPIRED", token);
    });

    it("a token used with a different query (REQUEST_MISMATCH)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      const other = {
        ...request,
        query: "query Subject($id: ID!) { subject(id: $id) { id notes } }",
      };
      await expectRefusal(verifier.verify(`Bearer ${token}`, other), "REQUEST_MISMATCH", token);
    });

    it("a token used with different variables (REQUEST_MISMATCH)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      const other = {
        ...request,
        variables: { ...request.variables, id: "11111111-2222-4333-8444-555555555555" },
      };
      await expectRefusal(verifier.verify(`Bearer ${token}`, other), "REQUEST_MISMATCH", token);
    });

    it("a token used with another operation name (REQUEST_MISMATCH)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      const other = { ...request, operationName: "Other" };
      await expectRefusal(verifier.verify(`Bearer ${token}`, other), "REQUEST_MISMATCH", token);
    });

    it("the same token twice (REPLAYED)", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(authority);
      await expectRefusal(verifier.verify(`Bearer ${token}`, request), "REPLAYED", token);
    });

    it("a replay only after the genuine use: a mismatched attempt does not burn the token", async () => {
      const { verifier } = healthVerifier();
      const token = await signForHealth();
      await expectRefusal(
        verifier.verify(`Bearer ${token}`, { ...request, query: "{ everything }" }),
        "REQUEST_MISMATCH",
      );
      await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(authority);
    });

    it("a malformed mash claim, without crashing (MALFORMED_CLAIMS)", async () => {
      const { verifier } = healthVerifier();
      const principal = authority.principal;
      const malformed: unknown[] = [
        undefined,
        "police",
        { ...authority, principal: { ...principal, roles: "admin" } },
        { ...authority, principal: { ...principal, id: 42 } },
        { ...authority, purpose: { enquiryId: "enquiry-1", subjectIds: [] } },
        { ...authority, purpose: { enquiryId: authority.purpose?.enquiryId, subjectIds: ["x"] } },
        { ...authority, breakGlass: [{ id: "bg-1", subjectId: "x", expiresAt: "tomorrow" }] },
        { principal: null, purpose: null },
      ];
      for (const mash of malformed) {
        const token = await signWithDevKey({ ...genuineClaims(), mash });
        const error = await expectRefusal(
          verifier.verify(`Bearer ${token}`, request),
          "MALFORMED_CLAIMS",
          token,
        );
        expect(error.message).toContain("mash");
      }
    });

    it("claims that are missing or inconsistent (MALFORMED_CLAIMS)", async () => {
      const { verifier } = healthVerifier();
      const { jti: _jti, ...withoutJti } = genuineClaims();
      const cases: JWTPayload[] = [
        withoutJti,
        { ...genuineClaims(), req: "short" },
        { ...genuineClaims(), sub: "someone-else" },
      ];
      for (const claims of cases) {
        const token = await signWithDevKey(claims);
        await expectRefusal(verifier.verify(`Bearer ${token}`, request), "MALFORMED_CLAIMS", token);
      }
    });

    it("a JWT signed by a trusted key that is not a gateway token (MALFORMED_GATEWAY_TOKEN)", async () => {
      const { verifier } = healthVerifier();
      const token = await signWithDevKey(genuineClaims(), { typ: "JWT" });
      await expectRefusal(
        verifier.verify(`Bearer ${token}`, request),
        "MALFORMED_GATEWAY_TOKEN",
        token,
      );
    });
  });

  it("shares one replay guard between verifiers when given one", async () => {
    const replayGuard = createMemoryReplayGuard({ now: () => T0.getTime() });
    const first = healthVerifier({ replayGuard }).verifier;
    const second = healthVerifier({ replayGuard }).verifier;
    const token = await signForHealth();
    await first.verify(`Bearer ${token}`, request);
    await expectRefusal(second.verify(`Bearer ${token}`, request), "REPLAYED");
  });

  it("refuses to be configured with keys that would weaken it", async () => {
    const publicJwk = devPublicJwks.keys[0] as JWK;
    const { alg: _alg, ...withoutAlg } = publicJwk;
    const badSets: unknown[] = [
      { keys: [] },
      { keys: [withoutAlg] },
      { keys: [{ ...publicJwk, alg: "HS256" }] },
      { keys: [{ ...publicJwk, alg: "none" }] },
      { keys: [{ kty: "oct", kid: "shared", alg: "HS256", k: "c2VjcmV0" }] },
      { keys: [devPrivateJwk] },
    ];
    for (const publicJwks of badSets) {
      expect(() =>
        createGatewayVerifier({ publicJwks: publicJwks as { keys: JWK[] }, audience: "health" }),
      ).toThrow(ConfigurationError);
    }
    expect(() => createGatewaySigner({ privateJwk: publicJwk })).toThrow(ConfigurationError);
    expect(() => createGatewaySigner({ privateJwk: { ...devPrivateJwk, kid: "" } })).toThrow(
      ConfigurationError,
    );
  });
});

describe("memory replay guard", () => {
  it("forgets ids once they expire", () => {
    const clock = { now: 1_000 };
    const guard = createMemoryReplayGuard({ now: () => clock.now });
    expect(guard.claim("a", 2_000)).toBe(true);
    expect(guard.claim("a", 2_000)).toBe(false);
    clock.now = 2_000;
    expect(guard.size).toBe(1);
    expect(guard.claim("b", 3_000)).toBe(true);
    expect(guard.size).toBe(1);
    expect(guard.claim("a", 3_000)).toBe(true);
  });

  it("stays within its bound, forgetting the oldest first", () => {
    const guard = createMemoryReplayGuard({ maxEntries: 2, now: () => 0 });
    expect(guard.claim("a", 10)).toBe(true);
    expect(guard.claim("b", 20)).toBe(true);
    expect(guard.claim("c", 30)).toBe(true);
    expect(guard.size).toBe(2);
    expect(guard.claim("b", 20)).toBe(false);
    expect(guard.claim("c", 30)).toBe(false);
    expect(() => createMemoryReplayGuard({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe("gateway key configuration", () => {
  const devSigningFile = DEV_KEY_FILES.gatewaySigningPrivate;
  let productionPrivateJwk: JWK;
  let productionPublicJwk: JWK;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
    const meta = { kid: "gateway-2026-03", alg: "EdDSA", use: "sig" };
    productionPrivateJwk = { ...(await exportJWK(privateKey)), ...meta };
    productionPublicJwk = { ...(await exportJWK(publicKey)), ...meta };
  });

  it("uses the committed development keys in development and test only", () => {
    for (const NODE_ENV of ["development", "test"]) {
      expect(loadGatewaySigningKey({ NODE_ENV })).toMatchObject({
        kid: "dev-gateway-signing-1",
        kty: "OKP",
        d: expect.any(String),
      });
      expect(loadGatewayPublicKeys({ NODE_ENV }).keys.map((key) => key.kid)).toEqual([
        "dev-gateway-signing-1",
      ]);
    }
    expect(loadGatewaySigningKey({ NODE_ENV: "development" })).toEqual(
      JSON.parse(readFileSync(devSigningFile, "utf8")),
    );
    // Unset is production: the development keys are never picked by default.
    expect(() => loadGatewaySigningKey({})).toThrow(/GATEWAY_SIGNING_KEY: required/);
    expect(() => loadGatewayPublicKeys({})).toThrow(/GATEWAY_PUBLIC_KEYS: required/);
  });

  it("requires keys in production", () => {
    expect(() => loadGatewaySigningKey({ NODE_ENV: "production" })).toThrow(
      /GATEWAY_SIGNING_KEY: required when NODE_ENV=production/,
    );
    expect(() => loadGatewayPublicKeys({ NODE_ENV: "production" })).toThrow(
      /GATEWAY_PUBLIC_KEYS: required when NODE_ENV=production/,
    );
  });

  it("refuses development keys in production, inline or from a file", () => {
    const cases = [
      () =>
        loadGatewaySigningKey({
          NODE_ENV: "production",
          GATEWAY_SIGNING_KEY: JSON.stringify(devPrivateJwk),
        }),
      () =>
        loadGatewaySigningKey({ NODE_ENV: "production", GATEWAY_SIGNING_KEY_FILE: devSigningFile }),
      () =>
        loadGatewayPublicKeys({
          NODE_ENV: "production",
          GATEWAY_PUBLIC_KEYS: JSON.stringify({
            keys: [productionPublicJwk, ...devPublicJwks.keys],
          }),
        }),
    ];
    for (const load of cases) {
      expect(load).toThrow(ConfigurationError);
      expect(load).toThrow(/"dev-gateway-signing-1" are development keys/);
    }
  });

  it("accepts real keys in production, inline or from a file, without echoing them on error", () => {
    const inline = JSON.stringify(productionPrivateJwk);
    expect(loadGatewaySigningKey({ NODE_ENV: "production", GATEWAY_SIGNING_KEY: inline })).toEqual(
      productionPrivateJwk,
    );
    const directory = mkdtempSync(join(tmpdir(), "mash-gateway-keys-"));
    const jwksFile = join(directory, "gateway.jwks.json");
    writeFileSync(jwksFile, JSON.stringify({ keys: [productionPublicJwk] }));
    expect(
      loadGatewayPublicKeys({ NODE_ENV: "production", GATEWAY_PUBLIC_KEYS_FILE: jwksFile }),
    ).toEqual({ keys: [productionPublicJwk] });

    const truncated = inline.slice(0, -2);
    expect(() => loadGatewaySigningKey({ GATEWAY_SIGNING_KEY: truncated })).toThrow(
      /GATEWAY_SIGNING_KEY: is not valid JSON \(was \(hidden\)\)/,
    );
    try {
      loadGatewaySigningKey({ GATEWAY_SIGNING_KEY: truncated });
    } catch (error) {
      expect(String(error)).not.toContain(String(productionPrivateJwk.d));
    }
  });

  it("reports misconfiguration precisely", () => {
    expect(() =>
      loadGatewaySigningKey({
        GATEWAY_SIGNING_KEY: JSON.stringify(productionPrivateJwk),
        GATEWAY_SIGNING_KEY_FILE: devSigningFile,
      }),
    ).toThrow(/not both/);
    expect(() =>
      loadGatewaySigningKey({ GATEWAY_SIGNING_KEY: JSON.stringify(productionPublicJwk) }),
    ).toThrow(/"d" member is missing/);
    expect(() =>
      loadGatewayPublicKeys({
        GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [productionPrivateJwk] }),
      }),
    ).toThrow(/keys\.0: contains private key material/);
    expect(() =>
      loadGatewayPublicKeys({ GATEWAY_PUBLIC_KEYS_FILE: "/nonexistent/gateway.jwks.json" }),
    ).toThrow(/GATEWAY_PUBLIC_KEYS_FILE: cannot read the file \(ENOENT\)/);
  });

  it("round-trips: a production key pair signs and verifies", async () => {
    const privateJwk = loadGatewaySigningKey({
      NODE_ENV: "production",
      GATEWAY_SIGNING_KEY: JSON.stringify(productionPrivateJwk),
    });
    const publicJwks = loadGatewayPublicKeys({
      NODE_ENV: "production",
      GATEWAY_PUBLIC_KEYS: JSON.stringify({ keys: [productionPublicJwk] }),
    });
    const token = await createGatewaySigner({ privateJwk }).sign({
      audience: "probation",
      authority,
      request,
    });
    const verifier = createGatewayVerifier({ publicJwks, audience: "probation" });
    await expect(verifier.verify(`Bearer ${token}`, request)).resolves.toEqual(authority);
  });
});
