import { fileURLToPath } from "node:url";
import { z } from "zod";
import { envSchemas, parseEnv } from "../config/parse-env.js";

/**
 * How long a PostgreSQL connection may wait, so that a dark or overloaded database makes requests
 * fail (and callers get an error) instead of hang: to get a connection from the pool or the server,
 * for one statement, and idle inside a transaction.
 */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

/** Long enough for any request's statement and for migrations on a large agency database. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 30_000,
  idleInTransactionMs: 60_000,
};

/** `DATABASE_CONNECT_TIMEOUT_MS`, `DATABASE_STATEMENT_TIMEOUT_MS`: bounded, never off. */
export function loadDatabaseTimeouts(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTimeouts {
  const parsed = parseEnv(
    service,
    z.object({
      DATABASE_CONNECT_TIMEOUT_MS: envSchemas.duration(DEFAULT_DATABASE_TIMEOUTS.connectMs, 60_000),
      DATABASE_STATEMENT_TIMEOUT_MS: envSchemas.duration(
        DEFAULT_DATABASE_TIMEOUTS.statementMs,
        3_600_000,
      ),
    }),
    env,
  );
  return {
    connectMs: parsed.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: parsed.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: Math.max(
      DEFAULT_DATABASE_TIMEOUTS.idleInTransactionMs,
      parsed.DATABASE_STATEMENT_TIMEOUT_MS * 2,
    ),
  };
}

/** Where an agency's data lives. */
export type DatabaseTarget =
  | { kind: "pglite" /** A directory, or undefined for an in-memory database. */; dataDir?: string }
  | { kind: "postgres"; url: string; timeouts?: DatabaseTimeouts };

/** The repository's `.data/` directory: the embedded databases' default home. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../../.data/", import.meta.url));

export interface DatabaseEnv {
  /** A per-agency URL, e.g. POLICE_DATABASE_URL: used exactly as given. */
  agencyUrl?: string | undefined;
  /** A shared server URL: each agency gets its own database on it, `<database>_<agency>`. */
  sharedUrl?: string | undefined;
  /** Directory holding one PGlite data directory per agency; "memory" keeps nothing on disk. */
  dataDir?: string | undefined;
  /** PostgreSQL only; DEFAULT_DATABASE_TIMEOUTS when absent. */
  timeouts?: DatabaseTimeouts | undefined;
}

/**
 * Picks the agency's store: its own URL first, else its own database on the shared server, else an
 * embedded PGlite directory of its own. Every branch keeps agencies apart: no agency's connection can
 * name another agency's tables.
 */
export function resolveDatabaseTarget(agency: string, env: DatabaseEnv): DatabaseTarget {
  const timeouts = env.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  if (env.agencyUrl) return { kind: "postgres", url: env.agencyUrl, timeouts };
  if (env.sharedUrl) {
    return { kind: "postgres", url: agencyDatabaseUrl(env.sharedUrl, agency), timeouts };
  }
  if (env.dataDir === "memory") return { kind: "pglite" };
  const root = env.dataDir ?? DEFAULT_DATA_DIR;
  return { kind: "pglite", dataDir: `${root.replace(/\/$/, "")}/${agency}` };
}

/** `postgres://host/mash` + `police` → `postgres://host/mash_police`. */
export function agencyDatabaseUrl(sharedUrl: string, agency: string): string {
  const url = new URL(sharedUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "mash";
  url.pathname = `/${base}_${agency.replace(/-/g, "_")}`;
  return url.toString();
}

/** A URL safe to print: the password is masked. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite ${target.dataDir ?? "(in memory)"}`;
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return `PostgreSQL ${url.toString()}`;
}
