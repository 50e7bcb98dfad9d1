import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { envSchemas, parseEnv, refuseOutsideDevelopment } from "../config/parse-env.js";
import type { Database } from "../db/connect.js";
import type { Logger } from "../observability/logger.js";

export interface SeedOptions {
  seed: number;
  subjects: number;
}

/**
 * How an agency fills an empty database with synthetic data: development and tests only. Each
 * agency's lives in `dev/seed.ts`, outside what `npm run build` compiles, so a production build
 * cannot seed: only its development entry point (`dev/server.ts`) and tests pass one.
 */
export interface SubgraphSeeder<TTables extends Record<string, unknown>> {
  /** True when the database already holds data (seeding is skipped). */
  hasData(db: Database<TTables>): Promise<boolean>;
  /** Fills an empty database; returns row counts per table. */
  seed(db: Database<TTables>, options: SeedOptions): Promise<Record<string, number>>;
}

/**
 * A seeder's `hasData`: whether `table` holds a row yet. The query builder rather than
 * `db.execute`: the driver-neutral `Database` type leaves the result of a raw statement untyped.
 */
export function hasRows<TTables extends Record<string, unknown>>(table: PgTable, column: PgColumn) {
  return async (db: Database<TTables>): Promise<boolean> =>
    (await db.select({ id: column }).from(table).limit(1)).length > 0;
}

/** What to seed with, when a database turns out empty. */
export interface SeedRequest<TTables extends Record<string, unknown>> extends SeedOptions {
  seeder: SubgraphSeeder<TTables>;
}

/** `SEED_ON_START`, `SEED`, `SEED_SUBJECTS`: read by development entry points only. */
export function loadSeedConfig(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): SeedOptions & { onStart: boolean } {
  const schema = z.object({
    NODE_ENV: envSchemas.nodeEnv(),
    SEED_ON_START: envSchemas.boolean(true),
    SEED: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(20261123),
    SEED_SUBJECTS: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  });
  const parsed = parseEnv(service, schema, env);
  // Synthetic people never go into a production database, whichever entry point was started.
  if (parsed.SEED_ON_START) {
    refuseOutsideDevelopment(service, parsed.NODE_ENV, [
      { variable: "SEED_ON_START", value: "true", allowedIn: ["development", "test"] },
    ]);
  }
  return { onStart: parsed.SEED_ON_START, seed: parsed.SEED, subjects: parsed.SEED_SUBJECTS };
}

/**
 * Seeds `db` when it is empty. Callers hold the database's deployment lock around it (see
 * `AgencyDatabase.exclusively`), so two processes starting together never both find it empty.
 */
export async function seedWhenEmpty<TTables extends Record<string, unknown>>(
  db: Database<TTables>,
  request: SeedRequest<TTables>,
  logger: Logger,
): Promise<void> {
  if (await request.seeder.hasData(db)) return;
  const options = { seed: request.seed, subjects: request.subjects };
  const started = Date.now();
  const counts = await request.seeder.seed(db, options);
  logger.info({ ...options, rows: counts, ms: Date.now() - started }, "seeded synthetic data");
}
