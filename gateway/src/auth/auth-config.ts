import { readFileSync } from "node:fs";
import { DEV_IDENTITY_PROVIDER, DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import { ConfigurationError, envSchemas, parseEnv } from "@mash/platform/config/parse-env";
import type { JSONWebKeySet } from "jose";
import { z } from "zod";

/** The issuer and audience the committed development identity provider (`npm run token`) uses. */
export const DEV_ISSUER: string = DEV_IDENTITY_PROVIDER.issuer;
export const DEV_AUDIENCE: string = DEV_IDENTITY_PROVIDER.audience;

/**
 * The committed development public keys. Resolved from this file rather than the working directory
 * so `npm start` works from any folder; `dist/auth/` sits at the same depth as `src/auth/`.
 */
export const DEV_PUBLIC_JWKS_PATH = DEV_KEY_FILES.identityProviderPublic;

/**
 * Asymmetric JWS algorithms only. The gateway holds public keys, so an HMAC (HS*) token could only
 * be checked with a shared secret it does not have, and accepting one would invite the classic
 * "sign with the public key as the HMAC secret" confusion. `none` proves nothing at all.
 */
const SUPPORTED_ALGORITHMS = [
  "ES256",
  "ES384",
  "ES512",
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "EdDSA",
  "Ed25519",
] as const;
type SupportedAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

const DEFAULT_ALGORITHMS = "ES256,RS256,EdDSA,PS256";

/** Development keys are public (committed), so anything they sign proves nothing in production. */
const DEV_KEY_PREFIX = "dev-";

export type KeySource =
  | { kind: "remote"; url: URL }
  | {
      kind: "local";
      jwks: JSONWebKeySet;
      /** The variable that supplied the keys, and the file they came from if any: for messages. */
      variable: string;
      origin: string;
    };

export interface AuthConfig {
  nodeEnv: "development" | "test" | "production";
  keys: KeySource;
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  algorithms: SupportedAlgorithm[];
  /** false: anonymous requests proceed and see only unprotected fields; true: they get a 401. */
  requireAuthentication: boolean;
}

const httpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
  message: "expected an http:// or https:// URL",
});

const algorithmList = z
  .string()
  .default(DEFAULT_ALGORITHMS)
  .transform((value, context) => {
    const names = value
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    if (names.length === 0) {
      context.addIssue({ code: "custom", message: "expected at least one algorithm" });
      return z.NEVER;
    }
    const accepted: SupportedAlgorithm[] = [];
    for (const name of names) {
      if (name.toLowerCase() === "none" || /^HS\d+$/i.test(name)) {
        context.addIssue({
          code: "custom",
          message: `"${name}" is refused: only asymmetric signatures (${SUPPORTED_ALGORITHMS.join(", ")}) prove who issued a token`,
        });
      } else if (!(SUPPORTED_ALGORITHMS as readonly string[]).includes(name)) {
        context.addIssue({
          code: "custom",
          message: `unknown algorithm "${name}"; expected some of ${SUPPORTED_ALGORITHMS.join(", ")}`,
        });
      } else {
        accepted.push(name as SupportedAlgorithm);
      }
    }
    return [...new Set(accepted)];
  });

const authEnvSchema = z
  .object({
    NODE_ENV: envSchemas.nodeEnv(),
    AUTH_JWKS_URL: httpUrl.optional(),
    AUTH_PUBLIC_KEYS: z.string().min(1).optional(),
    AUTH_PUBLIC_KEYS_FILE: z.string().min(1).optional(),
    AUTH_ISSUER: z.string().min(1).optional(),
    AUTH_AUDIENCE: z.string().min(1).optional(),
    AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    AUTH_ALGORITHMS: algorithmList,
    REQUIRE_AUTHENTICATION: envSchemas.boolean(false),
  })
  .superRefine((env, context) => {
    const sources = (
      ["AUTH_JWKS_URL", "AUTH_PUBLIC_KEYS", "AUTH_PUBLIC_KEYS_FILE"] as const
    ).filter((name) => env[name] !== undefined);
    if (sources.length > 1) {
      for (const name of sources) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `set only one of AUTH_JWKS_URL, AUTH_PUBLIC_KEYS, AUTH_PUBLIC_KEYS_FILE (found ${sources.join(", ")})`,
        });
      }
    }
    if (env.NODE_ENV !== "production") return;
    // The development defaults below would make a production gateway trust the committed keys, or
    // accept tokens minted for another service; production must say explicitly what it trusts.
    if (sources.length === 0) {
      context.addIssue({
        code: "custom",
        path: ["AUTH_JWKS_URL"],
        message:
          "required in production: set AUTH_JWKS_URL, AUTH_PUBLIC_KEYS or AUTH_PUBLIC_KEYS_FILE " +
          "to the identity provider's public keys",
      });
    }
    // Keys fetched over plain http could be swapped in transit for keys an attacker controls;
    // only a loopback address (a sidecar on the same host) never leaves the machine.
    const jwks =
      env.AUTH_JWKS_URL && URL.canParse(env.AUTH_JWKS_URL) ? new URL(env.AUTH_JWKS_URL) : null;
    const loopback = jwks && ["127.0.0.1", "[::1]", "localhost"].includes(jwks.hostname);
    if (jwks?.protocol === "http:" && !loopback) {
      context.addIssue({
        code: "custom",
        path: ["AUTH_JWKS_URL"],
        message: "must be https in production (http only to a loopback address)",
      });
    }
    for (const name of ["AUTH_ISSUER", "AUTH_AUDIENCE"] as const) {
      if (env[name] === undefined) {
        context.addIssue({ code: "custom", path: [name], message: "required in production" });
      }
    }
  });

const jwkSetSchema = z.object({
  keys: z
    .array(
      z
        .looseObject({ kty: z.string().min(1), kid: z.string().optional() })
        // A public key set that holds private material means a private key has been published.
        .refine((key) => !Object.hasOwn(key, "d"), {
          message: "holds private key material (d); publish only public keys",
        }),
    )
    .min(1, { error: "holds no keys" })
    .refine((keys) => keys.every((key) => key.kty !== "oct"), {
      message: "holds a symmetric (oct) key; only asymmetric public keys are accepted",
    }),
});

/** Parses one JWKS document; its problems are reported under the variable that supplied it. */
function parseJwks(text: string, variable: string, origin: string): JSONWebKeySet {
  const fail = (problem: string): never => {
    throw new ConfigurationError(`Invalid configuration for gateway:\n  ${variable}: ${problem}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(`${origin} is not valid JSON`);
  }
  const result = jwkSetSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail(`${origin} is not a usable JWKS: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return json as JSONWebKeySet;
}

function readKeys(parsed: z.infer<typeof authEnvSchema>): KeySource {
  if (parsed.AUTH_JWKS_URL !== undefined) {
    return { kind: "remote", url: new URL(parsed.AUTH_JWKS_URL) };
  }
  if (parsed.AUTH_PUBLIC_KEYS !== undefined) {
    const [variable, origin] = ["AUTH_PUBLIC_KEYS", "the inline JWKS"];
    return {
      kind: "local",
      jwks: parseJwks(parsed.AUTH_PUBLIC_KEYS, variable, origin),
      variable,
      origin,
    };
  }
  const [variable, path] =
    parsed.AUTH_PUBLIC_KEYS_FILE !== undefined
      ? ["AUTH_PUBLIC_KEYS_FILE", parsed.AUTH_PUBLIC_KEYS_FILE]
      : ["AUTH_PUBLIC_KEYS_FILE (development default)", DEV_PUBLIC_JWKS_PATH];
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigurationError(
      `Invalid configuration for gateway:\n  ${variable}: cannot read ${path} (${code})`,
    );
  }
  return { kind: "local", jwks: parseJwks(text, variable, path), variable, origin: path };
}

/**
 * Reads how the gateway authenticates practitioners. Development works with no settings at all
 * (the committed dev identity provider); production must name its keys, issuer and audience, and
 * refuses the committed development keys outright.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = parseEnv("gateway", authEnvSchema, env);
  const keys = readKeys(parsed);
  if (parsed.NODE_ENV === "production" && keys.kind === "local") {
    const devKids = keys.jwks.keys.map((key) => key.kid).filter(isDevelopmentKeyId);
    if (devKids.length > 0) {
      throw new ConfigurationError(
        `Invalid configuration for gateway:\n  ${keys.variable}: ${keys.origin} holds ` +
          `development key(s) ` +
          `${devKids.join(", ")}: their private halves are committed to the repository, so they ` +
          `are refused when NODE_ENV=production. Configure the identity provider's real keys.`,
      );
    }
  }
  return {
    nodeEnv: parsed.NODE_ENV,
    keys,
    issuer: parsed.AUTH_ISSUER ?? DEV_ISSUER,
    audience: parsed.AUTH_AUDIENCE ?? DEV_AUDIENCE,
    clockSkewSeconds: parsed.AUTH_CLOCK_SKEW_SECONDS,
    algorithms: parsed.AUTH_ALGORITHMS,
    requireAuthentication: parsed.REQUIRE_AUTHENTICATION,
  };
}

/** Whether a key id names one of the committed development keys. */
export function isDevelopmentKeyId(kid: unknown): kid is string {
  return typeof kid === "string" && kid.startsWith(DEV_KEY_PREFIX);
}
