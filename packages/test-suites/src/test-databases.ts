import { randomBytes } from "node:crypto";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import type { DatabaseTarget } from "@mash/platform/db/target";

export interface TestDatabase {
  /** "pglite" or "postgres": used in test names. */
  name: string;
  /** A fresh, empty database of this kind. */
  create(label: string): Promise<{ target: DatabaseTarget; drop(): Promise<void> }>;
}

const pglite: TestDatabase = {
  name: "pglite",
  create: async () => ({ target: { kind: "pglite" }, drop: async () => {} }),
};

function postgres(serverUrl: string): TestDatabase {
  return {
    name: "postgres",
    create: async (label) => {
      const url = new URL(serverUrl);
      const safeLabel = label.replace(/[^a-z0-9]+/gi, "_").toLowerCase();
      url.pathname = `/mash_test_${safeLabel}_${randomBytes(4).toString("hex")}`;
      const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
      return { target, drop: () => dropPostgresDatabase(url.toString()) };
    },
  };
}

/**
 * The databases data tests run against: embedded PGlite always, and a real PostgreSQL server when
 * TEST_DATABASE_URL names one (CI sets it). Each test run creates its own database and drops it.
 */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const serverUrl = env.TEST_DATABASE_URL;
  return serverUrl ? [pglite, postgres(serverUrl)] : [pglite];
}
