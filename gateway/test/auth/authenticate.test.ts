import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import { ConfigurationError } from "@mash/platform/config/parse-env";
import { scopesForRoles } from "@mash/schema/authorization/catalogue";
import { findPersona, PERSONAS, type Persona } from "@mash/schema/authorization/personas";
import { grantsFor } from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWTPayload,
  SignJWT,
} from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type AuthConfig,
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_PUBLIC_JWKS_PATH,
  loadAuthConfig,
} from "../../src/auth/auth-config.js";
import {
  AuthenticationError,
  type AuthenticationFailureReason,
  createAuthenticator,
  IdentityProviderUnavailableError,
} from "../../src/auth/authenticate.js";
import { issueDevToken, loadDevSigningKey } from "../../src/dev/issue-token.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const devJwksText = readFileSync(DEV_PUBLIC_JWKS_PATH, "utf8");

function persona(key: string): Persona {
  const found = findPersona(key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

const socialWorker = persona("social-worker");

/** Claims a valid social-worker token carries; each rejection test spoils one thing. */
function validClaims(): JWTPayload {
  return {
    sub: socialWorker.id,
    name: socialWorker.displayName,
    mash_agency: socialWorker.agency,
    mash_roles: [...socialWorker.roles],
  };
}

async function signWithDevKey(
  claims: JWTPayload,
  { issuer = DEV_ISSUER, audience = DEV_AUDIENCE, expiresAt = nowSeconds() + 600 } = {},
): Promise<string> {
  const { key, kid, alg } = await loadDevSigningKey();
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(key);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

async function rejection(
  authenticate: Promise<unknown>,
): Promise<AuthenticationError | IdentityProviderUnavailableError> {
  try {
    await authenticate;
  } catch (error) {
    if (error instanceof AuthenticationError || error instanceof IdentityProviderUnavailableError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected the request to be refused");
}

const devAuthenticator = createAuthenticator(loadAuthConfig({}));

describe("authenticating practitioners", () => {
  it.each(PERSONAS.map((p) => [p.key, p] as const))(
    "%s's development token authenticates to the right principal",
    async (_key, p) => {
      const token = await issueDevToken(p);
      await expect(devAuthenticator.authenticate(`Bearer ${token}`)).resolves.toEqual({
        id: p.id,
        displayName: p.displayName,
        agency: p.agency,
        roles: [...p.roles],
      });
    },
  );

  it("treats a request with no Authorization header as anonymous", async () => {
    await expect(devAuthenticator.authenticate(undefined)).resolves.toBeNull();
  });

  it("refuses anonymous requests with a 401 when REQUIRE_AUTHENTICATION is set", async () => {
    const strict = createAuthenticator(loadAuthConfig({ REQUIRE_AUTHENTICATION: "true" }));
    const error = await rejection(strict.authenticate(undefined));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({
      code: "UNAUTHENTICATED",
      reason: "AUTHENTICATION_REQUIRED",
      http: { status: 401 },
    });
    const token = await issueDevToken(socialWorker);
    await expect(strict.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      id: socialWorker.id,
    });
  });

  it("accepts an expired token within the clock skew, and a lower-case scheme", async () => {
    const token = await issueDevToken(socialWorker, {
      expiresIn: 60,
      now: new Date(Date.now() - 70_000),
    });
    await expect(devAuthenticator.authenticate(`bearer ${token}`)).resolves.not.toBeNull();
  });

  it("falls back to the subject when the token has no display name", async () => {
    const { name: _name, ...claims } = validClaims();
    const principal = await devAuthenticator.authenticate(`Bearer ${await signWithDevKey(claims)}`);
    expect(principal?.displayName).toBe(socialWorker.id);
  });

  it("grants nothing for roles the catalogue does not define, whatever the token's scope says", async () => {
    const token = await signWithDevKey({
      ...validClaims(),
      mash_roles: ["superuser", "MASH-SOCIAL-WORKER", "admin"],
      scope: "identity:read police:detail police:restricted",
    });
    const principal = await devAuthenticator.authenticate(`Bearer ${token}`);
    expect(principal?.roles).toEqual([]);
    const grants = grantsFor({ principal, purpose: null, breakGlass: [] });
    expect(grants.authenticated).toBe(true);
    expect([...grants.scopes]).toEqual([]);

    const mixed = await signWithDevKey({
      ...validClaims(),
      mash_roles: ["superuser", "mash-health-practitioner"],
    });
    const mixedPrincipal = await devAuthenticator.authenticate(`Bearer ${mixed}`);
    expect(mixedPrincipal?.roles).toEqual(["mash-health-practitioner"]);
  });

  it("verifies against a key set with several candidate keys and no key ids", async () => {
    const first = await generateKeyPair("ES256");
    const second = await generateKeyPair("ES256");
    const jwks = { keys: [await exportJWK(first.publicKey), await exportJWK(second.publicKey)] };
    const authenticator = createAuthenticator(
      loadAuthConfig({ AUTH_PUBLIC_KEYS: JSON.stringify(jwks) }),
    );
    const token = await new SignJWT(validClaims())
      .setProtectedHeader({ alg: "ES256" })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime("10m")
      .sign(second.privateKey);
    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      id: socialWorker.id,
    });
  });
});

describe("refusing bad credentials, each with its own reason", () => {
  const cases: [string, () => Promise<string>, AuthenticationFailureReason, string?][] = [
    [
      "an expired token (beyond the clock skew)",
      async () =>
        `Bearer ${await issueDevToken(socialWorker, { expiresIn: "1h", now: new Date(Date.now() - 2 * 3600_000) })}`,
      "TOKEN_EXPIRED",
    ],
    [
      "a token not valid yet",
      async () =>
        `Bearer ${await issueDevToken(socialWorker, { now: new Date(Date.now() + 3600_000) })}`,
      "TOKEN_NOT_YET_VALID",
    ],
    [
      "a token for another audience",
      async () => `Bearer ${await signWithDevKey(validClaims(), { audience: "another-service" })}`,
      "WRONG_AUDIENCE",
    ],
    [
      "a token from another issuer",
      async () =>
        `Bearer ${await signWithDevKey(validClaims(), { issuer: "https://evil.example" })}`,
      "WRONG_ISSUER",
    ],
    [
      "a token signed by another key under the trusted key id",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        const { kid } = await loadDevSigningKey();
        return `Bearer ${await new SignJWT(validClaims())
          .setProtectedHeader({ alg: "ES256", kid })
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setExpirationTime("10m")
          .sign(privateKey)}`;
      },
      "INVALID_SIGNATURE",
    ],
    [
      "a token signed by a key the gateway does not know",
      async () => {
        const { privateKey } = await generateKeyPair("ES256");
        return `Bearer ${await new SignJWT(validClaims())
          .setProtectedHeader({ alg: "ES256", kid: "attacker-1" })
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setExpirationTime("10m")
          .sign(privateKey)}`;
      },
      "UNKNOWN_SIGNING_KEY",
    ],
    [
      "a token whose claims were changed after signing",
      async () => {
        const [header, , signature] = (await issueDevToken(persona("referrer"))).split(".");
        const payload = { ...decodeJwt(await issueDevToken(persona("referrer"))) };
        payload.mash_roles = ["mash-manager"];
        return `Bearer ${header}.${base64url.encode(JSON.stringify(payload))}.${signature}`;
      },
      "INVALID_SIGNATURE",
    ],
    [
      'an unsecured token (alg "none")',
      async () => {
        const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
        const payload = base64url.encode(
          JSON.stringify({
            ...validClaims(),
            iss: DEV_ISSUER,
            aud: DEV_AUDIENCE,
            exp: nowSeconds() + 600,
          }),
        );
        return `Bearer ${header}.${payload}.`;
      },
      "ALGORITHM_NOT_ALLOWED",
    ],
    [
      "an HS256 token (HMAC keyed with the public key, the classic confusion)",
      async () =>
        `Bearer ${await new SignJWT(validClaims())
          .setProtectedHeader({ alg: "HS256", kid: "dev-identity-provider-1" })
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setExpirationTime("10m")
          .sign(new TextEncoder().encode(devJwksText))}`,
      "ALGORITHM_NOT_ALLOWED",
    ],
    ["garbage", async () => "Bearer not-a-jwt", "MALFORMED_TOKEN"],
    [
      "a token whose subject is blank",
      async () => `Bearer ${await signWithDevKey({ ...validClaims(), sub: "  " })}`,
      "MISSING_CLAIM",
      "sub",
    ],
    ["three dots of garbage", async () => "Bearer aaa.bbb.ccc", "MALFORMED_TOKEN"],
    [
      "a token without mash_roles",
      async () => {
        const { mash_roles: _roles, ...claims } = validClaims();
        return `Bearer ${await signWithDevKey(claims)}`;
      },
      "MISSING_CLAIM",
      "mash_roles",
    ],
    [
      "a token whose mash_agency is not a string",
      async () => `Bearer ${await signWithDevKey({ ...validClaims(), mash_agency: ["police"] })}`,
      "MISSING_CLAIM",
      "mash_agency",
    ],
    [
      "a token without an expiry",
      async () => {
        const { key, kid, alg } = await loadDevSigningKey();
        return `Bearer ${await new SignJWT(validClaims())
          .setProtectedHeader({ alg, kid })
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .sign(key)}`;
      },
      "MISSING_CLAIM",
      "exp",
    ],
    [
      "the Basic scheme",
      async () => `Basic ${Buffer.from("social-worker:password").toString("base64")}`,
      "UNSUPPORTED_AUTHORIZATION_SCHEME",
    ],
    ["a Bearer header with no token", async () => "Bearer", "MALFORMED_AUTHORIZATION_HEADER"],
    ["an empty header", async () => "", "MALFORMED_AUTHORIZATION_HEADER"],
  ];

  it.each(cases)("refuses %s", async (_label, header, reason, claim) => {
    const authorization = await header();
    const error = await rejection(devAuthenticator.authenticate(authorization));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      reason,
      http: { status: 401 },
    });
    if (claim) expect(error.extensions.claim).toBe(claim);
    // Practitioner-readable, and never a copy of the credential.
    expect(error.message).toMatch(/^The |^Sign in/);
    const credential = authorization.split(" ")[1];
    if (credential && credential.length > 8) {
      expect(error.message).not.toContain(credential);
      for (const part of credential.split(".").filter((part) => part.length > 8)) {
        expect(error.message).not.toContain(part);
      }
    }
  });

  it("says in plain words that an expired token has expired", async () => {
    const token = await issueDevToken(socialWorker, {
      expiresIn: "1h",
      now: new Date(Date.now() - 2 * 3600_000),
    });
    const error = await rejection(devAuthenticator.authenticate(`Bearer ${token}`));
    expect(error.message).toMatch(/^The access token has expired/);
  });

  it("names, for the access log only, who a genuinely signed but unusable token belongs to", async () => {
    const expired = await issueDevToken(socialWorker, {
      expiresIn: "1h",
      now: new Date(Date.now() - 2 * 3600_000),
    });
    const error = await rejection(devAuthenticator.authenticate(`Bearer ${expired}`));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).verifiedSubject).toBe(socialWorker.id);
    expect(JSON.stringify(error.extensions)).not.toContain(socialWorker.id);
    // A signature that does not verify names nobody: its claims are anyone's invention.
    const [header, payload] = expired.split(".");
    const forged = await rejection(
      devAuthenticator.authenticate(`Bearer ${header}.${payload}.AAAA`),
    );
    expect((forged as AuthenticationError).verifiedSubject).toBeNull();
  });
});

describe("a remote key set", () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/jwks") {
        response.writeHead(200, { "content-type": "application/json" }).end(devJwksText);
      } else {
        response.writeHead(500).end("identity provider down");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("verifies tokens against keys fetched from AUTH_JWKS_URL", async () => {
    const authenticator = createAuthenticator(loadAuthConfig({ AUTH_JWKS_URL: `${baseUrl}/jwks` }));
    const token = await issueDevToken(persona("police-officer"));
    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toMatchObject({
      id: "dev-police-officer",
      agency: "police",
    });
  });

  it("refuses development keys in production even when the identity provider publishes them", async () => {
    const authenticator = createAuthenticator(
      loadAuthConfig({
        NODE_ENV: "production",
        AUTH_JWKS_URL: `${baseUrl}/jwks`,
        AUTH_ISSUER: DEV_ISSUER,
        AUTH_AUDIENCE: DEV_AUDIENCE,
      }),
    );
    const token = await issueDevToken(socialWorker);
    const error = await rejection(authenticator.authenticate(`Bearer ${token}`));
    expect(error.extensions).toMatchObject({ reason: "DEVELOPMENT_KEY_REFUSED" });
  });

  it("answers 503, not 401, when the key set cannot be fetched", async () => {
    const authenticator = createAuthenticator(
      loadAuthConfig({ AUTH_JWKS_URL: `${baseUrl}/broken` }),
    );
    const token = await issueDevToken(socialWorker);
    const error = await rejection(authenticator.authenticate(`Bearer ${token}`));
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error.extensions).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      http: { status: 503 },
    });
  });
});

describe("authentication configuration", () => {
  const production = { NODE_ENV: "production", AUTH_ISSUER: "https://idp", AUTH_AUDIENCE: "mash" };

  function configError(env: NodeJS.ProcessEnv): string {
    try {
      loadAuthConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error("expected a configuration error");
  }

  it("works with no settings in development, trusting the committed dev identity provider", () => {
    const config: AuthConfig = loadAuthConfig({});
    expect(config).toMatchObject({
      issuer: "mash-graph-dev-idp",
      audience: "mash-graph",
      clockSkewSeconds: 30,
      algorithms: ["ES256", "RS256", "EdDSA", "PS256"],
      requireAuthentication: false,
      keys: { kind: "local", origin: DEV_PUBLIC_JWKS_PATH },
    });
    const keys = config.keys.kind === "local" ? config.keys.jwks.keys : [];
    expect(keys.map((key) => key.kid)).toEqual(["dev-identity-provider-1"]);
  });

  it("reads each setting", () => {
    const config = loadAuthConfig({
      AUTH_JWKS_URL: "https://idp.example/.well-known/jwks.json",
      AUTH_ISSUER: "https://idp.example",
      AUTH_AUDIENCE: "mash-graph-prod",
      AUTH_CLOCK_SKEW_SECONDS: "5",
      AUTH_ALGORITHMS: "RS256, PS256",
      REQUIRE_AUTHENTICATION: "yes",
    });
    expect(config).toMatchObject({
      keys: { kind: "remote" },
      issuer: "https://idp.example",
      audience: "mash-graph-prod",
      clockSkewSeconds: 5,
      algorithms: ["RS256", "PS256"],
      requireAuthentication: true,
    });
  });

  it("requires keys, issuer and audience in production", () => {
    const message = configError({ NODE_ENV: "production" });
    expect(message).toContain("AUTH_JWKS_URL: required in production");
    expect(message).toContain("AUTH_ISSUER: required in production");
    expect(message).toContain("AUTH_AUDIENCE: required in production");
  });

  it("requires the identity provider's keys over https in production", () => {
    const message = configError({ ...production, AUTH_JWKS_URL: "http://idp.example/jwks" });
    expect(message).toContain("AUTH_JWKS_URL: must be https in production");
  });

  it("refuses the committed development keys in production, from a file or inline", () => {
    const fromFile = configError({ ...production, AUTH_PUBLIC_KEYS_FILE: DEV_PUBLIC_JWKS_PATH });
    expect(fromFile).toContain("AUTH_PUBLIC_KEYS_FILE");
    expect(fromFile).toContain("dev-identity-provider-1");
    expect(fromFile).toContain("NODE_ENV=production");
    const inline = configError({ ...production, AUTH_PUBLIC_KEYS: devJwksText });
    expect(inline).toContain("AUTH_PUBLIC_KEYS");
    expect(inline).toContain("dev-identity-provider-1");
  });

  it("accepts real keys in production", async () => {
    const { publicKey } = await generateKeyPair("ES256");
    const jwks: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid: "idp-2025-1" }] };
    const config = loadAuthConfig({ ...production, AUTH_PUBLIC_KEYS: JSON.stringify(jwks) });
    expect(config.nodeEnv).toBe("production");
  });

  it.each(["none", "HS256", "ES256,hs512", "ES257"])("refuses AUTH_ALGORITHMS=%s", (value) => {
    expect(configError({ AUTH_ALGORITHMS: value })).toContain("AUTH_ALGORITHMS:");
  });

  it("refuses more than one key source, bad key sets and out-of-range values", () => {
    expect(
      configError({ AUTH_JWKS_URL: "https://idp/jwks", AUTH_PUBLIC_KEYS: devJwksText }),
    ).toContain("set only one of");
    expect(configError({ AUTH_JWKS_URL: "ftp://idp/jwks" })).toContain("AUTH_JWKS_URL:");
    expect(configError({ AUTH_PUBLIC_KEYS: "{not json" })).toContain("not valid JSON");
    expect(configError({ AUTH_PUBLIC_KEYS: '{"keys":[]}' })).toContain("holds no keys");
    const privateJwk = readFileSync(DEV_KEY_FILES.identityProviderPrivate, "utf8");
    expect(configError({ AUTH_PUBLIC_KEYS: `{"keys":[${privateJwk}]}` })).toContain(
      "private key material",
    );
    expect(configError({ AUTH_PUBLIC_KEYS_FILE: "/nonexistent/jwks.json" })).toContain("ENOENT");
    expect(configError({ AUTH_CLOCK_SKEW_SECONDS: "301" })).toContain("AUTH_CLOCK_SKEW_SECONDS:");
    expect(configError({ REQUIRE_AUTHENTICATION: "maybe" })).toContain("REQUIRE_AUTHENTICATION:");
  });
});

describe("development tokens", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("carry the catalogue's scopes for Apollo Router, and the dev key id", async () => {
    const token = await issueDevToken(persona("dpo"), { expiresIn: "30m" });
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: "ES256",
      kid: "dev-identity-provider-1",
    });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: "dev-data-protection-officer",
    });
    // The auditor's scopes are about access itself, never safeguarding content.
    expect(String(claims.scope).split(" ").sort()).toEqual(
      [...scopesForRoles(["data-protection-officer"])].sort(),
    );
    expect(String(claims.scope)).not.toMatch(/identity|summary|detail/);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(1800);
    const worker = decodeJwt(await issueDevToken(socialWorker));
    expect(String(worker.scope).split(" ")).toContain("social-care:restricted");
    expect((worker.exp ?? 0) - (worker.iat ?? 0)).toBe(8 * 3600);
  });

  it("are refused when NODE_ENV=production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(issueDevToken(socialWorker)).rejects.toThrow(/production/);
  });
});

describe("npm run token", () => {
  function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        "npm",
        ["run", "--silent", "token", "--", ...args],
        { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: "development" } },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  it("prints only a token, which authenticates as the persona", async () => {
    const { code, stdout } = await run(["police-officer", "--expires", "30m"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const principal = await devAuthenticator.authenticate(`Bearer ${stdout.trim()}`);
    expect(principal).toMatchObject({ id: "dev-police-officer", agency: "police" });
    const claims = decodeJwt(stdout.trim());
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(1800);
  });

  it.each([[[]], [["no-such-persona"]]])(
    "lists the personas on stderr and exits 1 for %j",
    async (args) => {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      for (const p of PERSONAS) expect(stderr).toContain(p.key);
      expect(stderr).toContain("Usage:");
    },
  );
});
