import { readFileSync } from "node:fs";
import { DEV_KEY_FILES } from "@mash/dev-keys/dev-key-files";
import { z } from "zod";
import { ConfigurationError, envSchemas, parseEnv } from "../config/parse-env.js";

/**
 * Asymmetric signature algorithms only. A symmetric (HS*) key would let every subgraph that can
 * verify also sign, which is exactly what this scheme exists to prevent, and `none` proves nothing.
 */
export const GATEWAY_SIGNATURE_ALGORITHMS = [
  "EdDSA",
  "Ed25519",
  "ES256",
  "ES384",
  "ES512",
  "PS256",
  "PS384",
  "PS512",
  "RS256",
  "RS384",
  "RS512",
] as const;

export type GatewaySignatureAlgorithm = (typeof GATEWAY_SIGNATURE_ALGORITHMS)[number];

/** JWK members that only a private (or symmetric) key has. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** Keys whose id starts with this are committed to the repository, so anyone can sign with them. */
const DEVELOPMENT_KID_PREFIX = "dev-";

const keyFields = {
  kty: z.enum(["OKP", "EC", "RSA"], {
    error: 'kty must be "OKP", "EC" or "RSA" (the gateway signs with an asymmetric key)',
  }),
  kid: z.string({ error: "every key needs a kid" }).min(1, "every key needs a kid"),
  use: z.literal("sig", { error: 'use must be "sig" when present' }).optional(),
};

const algorithm = z.enum(GATEWAY_SIGNATURE_ALGORITHMS, {
  error: `alg must be one of ${GATEWAY_SIGNATURE_ALGORITHMS.join(", ")}`,
});

/** The gateway's signing key: a private JWK with a kid (subgraphs pick the verification key by it). */
export const gatewayPrivateJwkSchema = z
  .looseObject({ ...keyFields, alg: algorithm.optional() })
  .refine((jwk) => typeof jwk.d === "string" && jwk.d.length > 0, {
    message: 'expected a private key, but the "d" member is missing',
  });

/**
 * One key a subgraph trusts. `alg` is required because it is what limits the algorithms a token
 * may claim: without it the verifier would have to trust the token's own header.
 */
export const gatewayPublicJwkSchema = z
  .looseObject({ ...keyFields, alg: algorithm })
  .refine((jwk) => PRIVATE_MEMBERS.every((member) => !(member in jwk)), {
    message: "contains private key material; subgraphs must hold only the public key",
  });

/** More than one key lets the gateway's key be rotated without a flag day. */
export const gatewayPublicJwksSchema = z.object({
  keys: z.array(gatewayPublicJwkSchema).min(1, "expected at least one key"),
});

export type GatewayPrivateJwk = z.infer<typeof gatewayPrivateJwkSchema>;
export type GatewayPublicJwk = z.infer<typeof gatewayPublicJwkSchema>;
export type GatewayPublicJwks = z.infer<typeof gatewayPublicJwksSchema>;

const DEV_SIGNING_KEY = DEV_KEY_FILES.gatewaySigningPrivate;
const DEV_PUBLIC_KEYS = DEV_KEY_FILES.gatewaySigningPublic;

interface KeySource<TKey> {
  variable: string;
  fileVariable: string;
  schema: z.ZodType<TKey>;
  developmentFile: string;
  kids: (value: TKey) => string[];
}

/**
 * Parses and validates JSON inside one transform so that a problem deep in a key is reported as a
 * single issue on the variable: `parseEnv` names variables by the first path element only, and the
 * rest of the path (which key, which member) would otherwise be lost.
 */
function parseKeyJson<TKey>(schema: z.ZodType<TKey>, text: string, ctx: z.RefinementCtx): TKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: "is not valid JSON" });
    return z.NEVER;
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    ctx.addIssue({ code: "custom", message: `${where}${issue.message}` });
  }
  return z.NEVER;
}

function readKeyFile<TKey>(schema: z.ZodType<TKey>, path: string, ctx: z.RefinementCtx): TKey {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "unreadable";
    ctx.addIssue({ code: "custom", message: `cannot read the file (${code})` });
    return z.NEVER;
  }
  return parseKeyJson(schema, text, ctx);
}

function loadKeys<TKey>(source: KeySource<TKey>, service: string, env: NodeJS.ProcessEnv): TKey {
  const { variable, fileVariable } = source;
  const schema = z
    .object({
      NODE_ENV: envSchemas.nodeEnv(),
      [variable]: z
        .string()
        .min(1)
        .transform((text, ctx) => parseKeyJson(source.schema, text, ctx))
        .optional(),
      [fileVariable]: z
        .string()
        .min(1)
        .transform((path, ctx) => readKeyFile(source.schema, path, ctx))
        .optional(),
    })
    .superRefine((parsed, ctx) => {
      const inline = parsed[variable] as TKey | undefined;
      const fromFile = parsed[fileVariable] as TKey | undefined;
      if (inline !== undefined && fromFile !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [variable],
          message: `set either ${variable} or ${fileVariable}, not both`,
        });
      }
      if (parsed.NODE_ENV !== "production") return;
      const configured = inline ?? fromFile;
      if (configured === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [variable],
          message: `required when NODE_ENV=production (set ${variable} or ${fileVariable}); the development keys are public and are refused`,
        });
        return;
      }
      const developmentKids = source
        .kids(configured)
        .filter((kid) => kid.startsWith(DEVELOPMENT_KID_PREFIX));
      if (developmentKids.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: [inline !== undefined ? variable : fileVariable],
          message: `key id(s) ${developmentKids.map((kid) => JSON.stringify(kid)).join(", ")} are development keys published in the repository (kid prefix "${DEVELOPMENT_KID_PREFIX}"), refused when NODE_ENV=production`,
        });
      }
    });
  // The variable names are computed, which zod cannot infer; the values were typed by the schema.
  const parsed = parseEnv(service, schema, env) as Record<string, unknown>;
  const configured = (parsed[variable] ?? parsed[fileVariable]) as TKey | undefined;
  if (configured !== undefined) return configured;
  // Outside production with nothing configured: the committed development keys, validated the
  // same way (the variable names the file, so an error message points at the right place).
  const developmentPath = source.developmentFile;
  try {
    return loadKeys(source, service, { NODE_ENV: env.NODE_ENV, [fileVariable]: developmentPath });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(
      `Invalid configuration for ${service}: neither ${variable} nor ${fileVariable} is set, and the development keys at ${developmentPath} cannot be used:\n${error.message}`,
    );
  }
}

/**
 * The gateway's private signing key, from `GATEWAY_SIGNING_KEY` (a private JWK as JSON) or
 * `GATEWAY_SIGNING_KEY_FILE` (a path to one). Outside production, defaults to the committed
 * development key; in production one is required and development keys are refused.
 */
export function loadGatewaySigningKey(
  env: NodeJS.ProcessEnv = process.env,
  service = "gateway",
): GatewayPrivateJwk {
  return loadKeys(
    {
      variable: "GATEWAY_SIGNING_KEY",
      fileVariable: "GATEWAY_SIGNING_KEY_FILE",
      schema: gatewayPrivateJwkSchema,
      developmentFile: DEV_SIGNING_KEY,
      kids: (jwk) => [jwk.kid],
    },
    service,
    env,
  );
}

/**
 * The keys a subgraph accepts gateway tokens from, from `GATEWAY_PUBLIC_KEYS` (a JWKS as JSON) or
 * `GATEWAY_PUBLIC_KEYS_FILE`. Outside production, defaults to the committed development key; in
 * production one is required and development keys are refused.
 */
export function loadGatewayPublicKeys(
  env: NodeJS.ProcessEnv = process.env,
  service = "subgraph",
): GatewayPublicJwks {
  return loadKeys(
    {
      variable: "GATEWAY_PUBLIC_KEYS",
      fileVariable: "GATEWAY_PUBLIC_KEYS_FILE",
      schema: gatewayPublicJwksSchema,
      developmentFile: DEV_PUBLIC_KEYS,
      kids: (jwks) => jwks.keys.map((jwk) => jwk.kid),
    },
    service,
    env,
  );
}
