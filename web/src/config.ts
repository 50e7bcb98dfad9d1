import { z } from "zod";

/**
 * The front end's configuration, from the environment, validated at start (a bad value stops it,
 * naming the variable). Development conveniences — signing in as a persona, a fixed session
 * secret — only where development is asked for: see `isDevelopment`.
 */

/**
 * Whether development behaviour is allowed. The one place the front end decides it, by the
 * repository's rule: only when asked for by name (NODE_ENV=development, or test); unset is
 * production (decision 0018). `npm start` and the tests ask for it.
 */
export function isDevelopment(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV === "development" || env.NODE_ENV === "test";
}

const DEV_SESSION_SECRET = "mash-web-development-session-secret-not-for-production";

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** The gateway's GraphQL endpoint: the only service the front end talks to. */
    GATEWAY_URL: z.url().default("http://127.0.0.1:4000/graphql"),
    /** Where the front end is reached from browsers (OIDC redirect, secure cookies). */
    PUBLIC_URL: z.url().optional(),
    SESSION_SECRET: z.string().min(32).optional(),
    SESSION_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(8 * 60),
    REDIS_URL: z.string().min(1).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().min(1).default("openid profile"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .strip();

export type SignIn =
  | { kind: "personas" }
  | { kind: "oidc"; issuer: URL; clientId: string; clientSecret?: string; scopes: string };

export interface WebConfig {
  port: number;
  host: string;
  gatewayUrl: string;
  publicUrl: URL;
  development: boolean;
  sessionSecret: string;
  sessionMinutes: number;
  redisUrl: string | undefined;
  signIn: SignIn;
  logLevel: string;
  gatewayTimeoutMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${z.prettifyError(parsed.error)}`);
  }
  const values = parsed.data;
  const development = isDevelopment(env);
  const problems: string[] = [];
  if (!values.SESSION_SECRET && !development) {
    problems.push("SESSION_SECRET (32 characters or more) is required outside development");
  }
  if (!values.OIDC_ISSUER && !development) {
    problems.push("OIDC_ISSUER and OIDC_CLIENT_ID are required outside development");
  }
  if (values.OIDC_ISSUER && !values.OIDC_CLIENT_ID) problems.push("OIDC_CLIENT_ID is required");
  if (!values.PUBLIC_URL && !development)
    problems.push("PUBLIC_URL is required outside development");
  if (problems.length > 0) throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  const signIn: SignIn = values.OIDC_ISSUER
    ? {
        kind: "oidc",
        issuer: new URL(values.OIDC_ISSUER),
        clientId: values.OIDC_CLIENT_ID ?? "",
        ...(values.OIDC_CLIENT_SECRET ? { clientSecret: values.OIDC_CLIENT_SECRET } : {}),
        scopes: values.OIDC_SCOPES,
      }
    : { kind: "personas" };
  return {
    port: values.PORT,
    host: values.HOST,
    gatewayUrl: values.GATEWAY_URL,
    publicUrl: new URL(values.PUBLIC_URL ?? `http://${values.HOST}:${values.PORT}/`),
    development,
    sessionSecret: values.SESSION_SECRET ?? DEV_SESSION_SECRET,
    sessionMinutes: values.SESSION_MINUTES,
    redisUrl: values.REDIS_URL,
    signIn,
    logLevel: values.LOG_LEVEL,
    gatewayTimeoutMs: values.GATEWAY_TIMEOUT_MS,
  };
}
