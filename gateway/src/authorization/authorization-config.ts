import { parseEnv } from "@mash/platform/config/parse-env";
import { z } from "zod";

/**
 * The Apollo Router's options, by the same names where it has them:
 * - filter (default): remove what the caller may not see, answer the rest.
 * - reject: refuse the whole operation if any part of it is unauthorized.
 * - dry-run: answer in full, report what filter would have removed (to try new rules).
 * - off: no gateway enforcement, for running arbitrary supergraphs (the compliance audit); the
 *   MASH subgraphs still enforce their own SDL.
 */
export type AuthorizationMode = "filter" | "reject" | "dry-run" | "off";

/** Where unauthorized-field errors go: the `errors` list, `extensions.authorizationErrors`, or nowhere. */
export type AuthorizationErrorPlacement = "errors" | "extensions" | "none";

export interface AuthorizationConfig {
  mode: AuthorizationMode;
  errors: AuthorizationErrorPlacement;
  /**
   * The subgraph that verifies declared purposes, when not the one the supergraph says resolves
   * `Query.mashAuthority`.
   */
  purposeSubgraph: string | undefined;
  /** How long a verified purpose is trusted before it is checked again. */
  purposeCacheMs: number;
}

export function loadAuthorizationConfig(env: NodeJS.ProcessEnv = process.env): AuthorizationConfig {
  const parsed = parseEnv(
    "gateway",
    z.object({
      AUTHZ_MODE: z.enum(["filter", "reject", "dry-run", "off"]).default("filter"),
      AUTHZ_ERRORS: z.enum(["errors", "extensions", "none"]).default("errors"),
      PURPOSE_SUBGRAPH: z.string().min(1).optional(),
      PURPOSE_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
    }),
    env,
  );
  return {
    mode: parsed.AUTHZ_MODE,
    errors: parsed.AUTHZ_ERRORS,
    purposeSubgraph: parsed.PURPOSE_SUBGRAPH,
    purposeCacheMs: parsed.PURPOSE_CACHE_MS,
  };
}
