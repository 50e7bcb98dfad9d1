import pg from "pg";

const DATABASE_NAME = /^[A-Za-z0-9_]{1,63}$/;
const DUPLICATE_DATABASE = "42P04";

/**
 * Creates the database named in `url` when the server does not have it yet, so that a fresh
 * PostgreSQL needs nothing done by hand. Connects to the server's `postgres` maintenance database.
 */
export async function ensurePostgresDatabase(url: string, connectTimeoutMs = 5_000): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!DATABASE_NAME.test(name)) {
    throw new Error(
      `Database name must be letters, digits and underscores: ${JSON.stringify(name)}`,
    );
  }
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: connectTimeoutMs,
  });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount) return;
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    // Two services starting together may race to create it; the loser finds it made.
    if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
  } finally {
    await client.end();
  }
}

/** Drops a database created for a test run. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!DATABASE_NAME.test(name)) throw new Error(`Refusing to drop ${JSON.stringify(name)}`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
