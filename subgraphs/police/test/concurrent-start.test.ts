import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { DEPLOYMENT_LOCK } from "@mash/platform/db/advisory-lock";
import { dropPostgresDatabase, ensurePostgresDatabase } from "@mash/platform/db/ensure-database";
import { prepareSubgraph } from "@mash/platform/subgraph/start-subgraph";
import { generateWorld } from "@mash/synthetic-world/world";
import pg from "pg";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { policeRows, policeSeeder } from "../dev/seed.js";
import { policeSubgraph } from "../src/subgraph.js";

// Two replicas of a service starting at the same moment on one fresh PostgreSQL database (a
// rolling deployment, a scaled-up service): each opens its own pool, so only the database can keep
// them apart. The test holds the deployment lock itself until both replicas are waiting for it, so
// they truly start together however the machine schedules them; then one must migrate and seed
// while the other waits, and the other find everything done.

const serverUrl = process.env.TEST_DATABASE_URL;
const SEED = { seed: 11, subjects: 60 };

const journal = JSON.parse(
  readFileSync(new URL("../src/db/migrations/meta/_journal.json", import.meta.url), "utf8"),
) as { entries: unknown[] };

/** A logger whose lines are kept, to count what each replica did. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return pino({ level: "info" }, sink);
}

describe.runIf(serverUrl)("two police replicas starting together on PostgreSQL", () => {
  const url = new URL(serverUrl ?? "postgres://localhost/postgres");
  url.pathname = `/mash_test_concurrent_${randomBytes(4).toString("hex")}`;
  afterAll(() => dropPostgresDatabase(url.toString()));

  it("migrates and seeds once, under the deployment lock", async () => {
    await ensurePostgresDatabase(url.toString());
    const holder = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    const lines: string[] = [];
    const said = () => lines.map((line) => JSON.parse(line).msg as string);
    try {
      await holder.query("SELECT pg_advisory_lock(hashtext($1))", [DEPLOYMENT_LOCK]);
      const start = () =>
        prepareSubgraph(policeSubgraph, {
          target: { kind: "postgres", url: url.toString() },
          logger: capturingLogger(lines),
          seed: { ...SEED, seeder: policeSeeder },
        });
      const starting = Promise.all([start(), start()]);
      await expect
        .poll(() => said().filter((msg) => msg.includes("waiting for it")).length, {
          timeout: 60_000,
        })
        .toBe(2);
      await holder.query("SELECT pg_advisory_unlock(hashtext($1))", [DEPLOYMENT_LOCK]);
      const replicas = await starting;
      await Promise.all(replicas.map((replica) => replica.database.close()));

      const migrations = await holder.query(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(migrations.rows[0].n).toBe(journal.entries.length);
      const nominals = await holder.query("select count(*)::int as n from nominal");
      expect(nominals.rows[0].n).toBe(policeRows(generateWorld(SEED)).nominals.length);
      expect(said().filter((msg) => msg === "seeded synthetic data")).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});
