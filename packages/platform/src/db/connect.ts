import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { ServiceMetrics } from "../observability/metrics.js";
import { observeStatements, type StatementObserver } from "../observability/sql-statements.js";
import { withAdvisoryLock } from "./advisory-lock.js";
import { ensurePostgresDatabase } from "./ensure-database.js";
import { observePglite, observePool } from "./observed-clients.js";
import { StatementCounter } from "./statement-counter.js";
import type { DatabaseTarget } from "./target.js";

/** Drizzle over either driver: resolvers and seeds never need to know which. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<
  PgQueryResultHKT,
  TSchema
>;

export interface AgencyDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  target: DatabaseTarget;
  statements: StatementCounter;
  /** Applies the committed drizzle-kit migrations in `folder` that have not run yet. */
  migrate(folder: string): Promise<void>;
  /**
   * Runs `work` while holding this database's deployment lock, so that of several processes
   * starting together (replicas, a rolling update) one at a time migrates and seeds: PostgreSQL's
   * session advisory lock; PGlite needs none, as one process owns its data directory.
   */
  exclusively<T>(work: () => Promise<T>, onWait?: () => void): Promise<T>;
  /** Throws when the database cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  target: DatabaseTarget;
  schema: TSchema;
  /**
   * The service's metrics: each statement counted (`mash_sql_statements_total`), timed by kind
   * (`mash_sql_statement_duration_seconds`) and traced as a span of the request that sent it.
   */
  metrics?: Pick<ServiceMetrics, "sqlStatements" | "sqlStatementDuration">;
  /** Pool size for PostgreSQL; PGlite is a single connection. */
  maxConnections?: number;
}

export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<AgencyDatabase<TSchema>> {
  const { metrics } = options;
  const statements = new StatementCounter(metrics && (() => metrics.sqlStatements.inc()));
  const observe = metrics && observeStatements(metrics);
  return options.target.kind === "pglite"
    ? openPglite(options.target.dataDir, options.schema, statements, options.target, observe)
    : openPostgres(options.target.url, options, statements, observe);
}

async function openPglite<TSchema extends Record<string, unknown>>(
  dataDir: string | undefined,
  schema: TSchema,
  statements: StatementCounter,
  target: DatabaseTarget,
  observe: StatementObserver | undefined,
): Promise<AgencyDatabase<TSchema>> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  if (observe) observePglite(client, observe);
  const db = drizzlePglite({ client, schema, logger: statements });
  return {
    db,
    target,
    statements,
    migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
    exclusively: (work) => work(),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

async function openPostgres<TSchema extends Record<string, unknown>>(
  url: string,
  options: OpenDatabaseOptions<TSchema>,
  statements: StatementCounter,
  observe: StatementObserver | undefined,
): Promise<AgencyDatabase<TSchema>> {
  await ensurePostgresDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  if (observe) observePool(pool, observe);
  const db = drizzleNodePg({ client: pool, schema: options.schema, logger: statements });
  return {
    db,
    target: options.target,
    statements,
    migrate: (folder) => migrateNodePg(db, { migrationsFolder: folder }),
    exclusively: (work, onWait) => withAdvisoryLock(pool, work, onWait),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}
