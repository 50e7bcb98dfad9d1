import { z } from "zod";

/** Thrown at start when the environment is wrong; its message names every bad variable. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
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

/** Environment variables arrive as strings; these read the common shapes strictly. */
export const envSchemas = {
  port: (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback),
  boolean: (fallback: boolean) =>
    z
      .enum(["true", "false", "1", "0", "yes", "no"], {
        error: 'expected one of "true", "false", "1", "0", "yes", "no"',
      })
      .default(fallback ? "true" : "false")
      .transform((value) => value === "true" || value === "1" || value === "yes"),
  postgresUrl: () =>
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
        message: "expected a postgres:// or postgresql:// URL",
      })
      .optional(),
  logLevel: () =>
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  nodeEnv: () => z.enum(["development", "test", "production"]).default("development"),
  /** Milliseconds, bounded so a typo cannot disable a timeout. */
  duration: (fallback: number, max = 600_000) =>
    z.coerce.number().int().min(1).max(max).default(fallback),
};
