import { z } from "zod";

/** Thrown at start when the environment is wrong; its message names every bad variable. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

/**
 * How a service runs, from `NODE_ENV`. Production is what you get when nothing is said: a
 * deployment that forgets the variable stays closed. Development (committed keys, development
 * tokens, synthetic seed data, the playground) and test (what the test suites switch off) must be
 * asked for by name; `npm start` and the test harnesses do.
 */
export type RuntimeMode = "development" | "test" | "production";

/** The hint every refusal to start in production carries: how to run on a developer's machine. */
export const DEVELOPMENT_HINT =
  "NODE_ENV is unset or production, so production settings are required. To run on your own " +
  "machine with the committed development keys and synthetic data, set NODE_ENV=development " +
  "(npm start does).";

/**
 * Runs each configuration loader and reports every problem at once, so an operator fixes the
 * environment in one go rather than one variable per restart. Other errors pass through.
 */
export function collectConfiguration<T extends readonly unknown[]>(
  env: NodeJS.ProcessEnv,
  loaders: { [K in keyof T]: () => T[K] },
): T {
  const problems: string[] = [];
  const values = loaders.map((load) => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  });
  if (problems.length === 0) return values as unknown as T;
  const hint =
    env.NODE_ENV === undefined || env.NODE_ENV === "production" ? [DEVELOPMENT_HINT] : [];
  throw new ConfigurationError([...problems, ...hint].join("\n"));
}

/**
 * Settings that open a service up (authorization off, no access log, seeding synthetic people)
 * exist for development and tests only: refused in production, naming each one.
 */
export function refuseOutsideDevelopment(
  service: string,
  mode: RuntimeMode,
  settings: readonly { variable: string; value: string; allowedIn: readonly RuntimeMode[] }[],
): void {
  const refused = settings.filter((setting) => !setting.allowedIn.includes(mode));
  if (refused.length === 0) return;
  const lines = refused.map(
    ({ variable, value, allowedIn }) =>
      `  ${variable}: ${JSON.stringify(value)} is only allowed with ${allowedIn.map((m) => `NODE_ENV=${m}`).join(" or ")} (NODE_ENV is ${mode})`,
  );
  throw new ConfigurationError(`Invalid configuration for ${service}:\n${lines.join("\n")}`);
}

const SECRET_NAME = /URL|SECRET|KEY|PASSWORD|TOKEN/i;

/**
 * Validates `env` against `schema` and returns the typed result. On failure, lists each variable
 * with what was wrong and what it held (masked for anything that may carry credentials).
 */
export function parseEnv<TSchema extends z.ZodType>(
  service: string,
  schema: TSchema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "(environment)");
    const raw = env[name];
    const shown =
      raw === undefined ? "unset" : SECRET_NAME.test(name) ? "(hidden)" : JSON.stringify(raw);
    return `  ${name}: ${issue.message} (was ${shown})`;
  });
  throw new ConfigurationError(`Invalid configuration for ${service}:\n${lines.join("\n")}`);
}

const booleanWords = z.enum(["true", "false", "1", "0", "yes", "no"], {
  error: 'expected one of "true", "false", "1", "0", "yes", "no"',
});
const isYes = (value: string) => value === "true" || value === "1" || value === "yes";

/** Environment variables arrive as strings; these read the common shapes strictly. */
export const envSchemas = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  boolean: (fallback: boolean) =>
    booleanWords.default(fallback ? "true" : "false").transform(isYes),
  /** A boolean whose default depends on other settings: undefined when unset. */
  optionalBoolean: () => booleanWords.transform(isYes).optional(),
  postgresUrl: () =>
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
        message: "expected a postgres:// or postgresql:// URL",
      })
      .optional(),
  logLevel: () =>
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Unset means production: development behaviour is only ever asked for by name. */
  nodeEnv: () => z.enum(["development", "test", "production"]).default("production"),
  /** Milliseconds, bounded so a typo cannot disable a timeout. */
  duration: (fallback: number, max = 600_000) =>
    z.coerce.number().int().min(1).max(max).default(fallback),
};
