import { randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/connect.js";
import { dropPostgresDatabase } from "../src/db/ensure-database.js";
import { loadDatabaseTimeouts } from "../src/db/target.js";

const serverUrl = process.env.TEST_DATABASE_URL;

describe("PostgreSQL pools wait a bounded time", () => {
  let silent: Server;
  let port = 0;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Accepts connections and never says a word: a database that is "up" but dark.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    port = typeof address === "object" && address ? address.port : 0;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up connecting to a server that never answers, rather than hang", async () => {
    const opening = openDatabase({
      target: {
        kind: "postgres",
        url: `postgres://postgres@127.0.0.1:${port}/mash_dark`,
        timeouts: { connectMs: 300, statementMs: 1_000, idleInTransactionMs: 1_000 },
      },
      schema: {},
    });
    await expect(opening).rejects.toThrow(/timeout/i);
  });

  it.skipIf(!serverUrl)("cancels a statement that runs past the statement timeout", async () => {
    const url = new URL(serverUrl as string);
    url.pathname = `/mash_timeouts_${randomBytes(4).toString("hex")}`;
    const database = await openDatabase({
      target: {
        kind: "postgres",
        url: url.toString(),
        timeouts: { connectMs: 2_000, statementMs: 200, idleInTransactionMs: 1_000 },
      },
      schema: {},
    });
    try {
      // Drizzle wraps the driver's error; PostgreSQL's own words are in its cause.
      const failure = await database.db.execute(sql`select pg_sleep(5)`).then(
        () => null,
        (error: Error) => error,
      );
      expect(String((failure?.cause as Error | undefined)?.message)).toMatch(/statement timeout/);
      // The pool is still usable afterwards.
      await database.ping();
    } finally {
      await database.close();
      await dropPostgresDatabase(url.toString());
    }
  });

  it("reads the timeouts from the environment, bounded", () => {
    expect(loadDatabaseTimeouts("police", {})).toEqual({
      connectMs: 5_000,
      statementMs: 30_000,
      idleInTransactionMs: 60_000,
    });
    expect(
      loadDatabaseTimeouts("police", {
        DATABASE_CONNECT_TIMEOUT_MS: "1000",
        DATABASE_STATEMENT_TIMEOUT_MS: "120000",
      }),
    ).toEqual({ connectMs: 1_000, statementMs: 120_000, idleInTransactionMs: 240_000 });
    expect(() => loadDatabaseTimeouts("police", { DATABASE_STATEMENT_TIMEOUT_MS: "0" })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    );
  });
});
