import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropPostgresDatabase } from "@mash/platform/db/ensure-database";
import { agencyDatabaseUrl } from "@mash/platform/db/target";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { FileHeadSink, PostgresHeadSink, SyslogHeadSink } from "../src/head-sinks.js";
import { signer } from "./access-log-store.js";

const head = (seq: number) => signer.signHead({ seq, hash: String(seq % 10).repeat(64) });

describe("where the signed head is published", () => {
  it("a file: appended line by line, the newest read back from its tail", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mash-heads-"));
    try {
      const sink = new FileHeadSink(join(dir, "nested", "heads.jsonl"));
      expect(await sink.latest()).toBeNull();
      for (const seq of [3, 9, 7]) await sink.publish(await head(seq));
      expect(await sink.latest()).toMatchObject({ seq: 9 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("syslog: an RFC 5424 message, facility audit, that a log server receives", async () => {
    const server = createSocket("udp4");
    const received = new Promise<string>((resolve) => {
      server.on("message", (message) => resolve(message.toString("utf8")));
    });
    await new Promise<void>((resolve) => server.bind(0, "127.0.0.1", resolve));
    const port = server.address().port;
    const sink = new SyslogHeadSink(`udp://127.0.0.1:${port}`);
    try {
      const published = await head(12);
      await sink.publish(published);
      const message = await received;
      // <PRI> = facility 13 (audit) * 8 + severity 5 (notice) = 109, then RFC 5424's version 1.
      expect(message).toMatch(/^<109>1 /);
      expect(message).toContain("ACCESS_LOG_HEAD");
      expect(message).toContain(published.jws);
    } finally {
      await sink.close();
      server.close();
    }
  });

  describe.runIf(process.env.TEST_DATABASE_URL)("a second PostgreSQL database", () => {
    it("keeps every head, refuses to change one, and reads the newest back", async () => {
      const url = agencyDatabaseUrl(
        process.env.TEST_DATABASE_URL ?? "",
        `heads_${randomBytes(4).toString("hex")}`,
      );
      const sink = new PostgresHeadSink(url);
      try {
        for (const seq of [5, 8]) await sink.publish(await head(seq));
        expect(await sink.latest()).toMatchObject({ seq: 8 });
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await expect(client.query("update access_log_head set seq = 99")).rejects.toThrow(
            /append-only/,
          );
          await expect(client.query("delete from access_log_head")).rejects.toThrow(/append-only/);
        } finally {
          await client.end();
        }
      } finally {
        await sink.close();
        await dropPostgresDatabase(url);
      }
    });
  });
});
