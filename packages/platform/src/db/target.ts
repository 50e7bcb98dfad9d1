import { fileURLToPath } from "node:url";

/** Where an agency's data lives. */
export type DatabaseTarget =
  | { kind: "pglite" /** A directory, or undefined for an in-memory database. */; dataDir?: string }
  | { kind: "postgres"; url: string };

/** The repository's `.data/` directory: the embedded databases' default home. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../../.data/", import.meta.url));

export interface DatabaseEnv {
  /** A per-agency URL, e.g. POLICE_DATABASE_URL: used exactly as given. */
  agencyUrl?: string | undefined;
  /** A shared server URL: each agency gets its own database on it, `<database>_<agency>`. */
  sharedUrl?: string | undefined;
  /** Directory holding one PGlite data directory per agency; "memory" keeps nothing on disk. */
  dataDir?: string | undefined;
}

/**
 * Picks the agency's store: its own URL first, else its own database on the shared server, else an
 * embedded PGlite directory of its own. Every branch keeps agencies apart: no agency's connection can
 * name another agency's tables.
 */
export function resolveDatabaseTarget(agency: string, env: DatabaseEnv): DatabaseTarget {
  if (env.agencyUrl) return { kind: "postgres", url: env.agencyUrl };
  if (env.sharedUrl) return { kind: "postgres", url: agencyDatabaseUrl(env.sharedUrl, agency) };
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
