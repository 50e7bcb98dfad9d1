import type pg from "pg";

/**
 * The key of the lock every MASH Graph process takes before it migrates or seeds its database.
 * Advisory locks belong to one database, and each service has its own, so one key serves all.
 */
export const DEPLOYMENT_LOCK = "mash-graph: migrations and seed";

/**
 * Runs `work` holding a session-level advisory lock on one connection of `pool`: a second process
 * asking for the same lock on the same database waits until the first has finished (or died: the
 * lock goes with its session). `onWait` is told once when the lock is held elsewhere.
 */
export async function withAdvisoryLock<T>(
  pool: pg.Pool,
  work: () => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  const client = await pool.connect();
  try {
    const attempt = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtext($1)) AS locked",
      [DEPLOYMENT_LOCK],
    );
    if (!attempt.rows[0]?.locked) {
      onWait?.();
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [DEPLOYMENT_LOCK]);
    }
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [DEPLOYMENT_LOCK]);
    }
  } finally {
    client.release();
  }
}
