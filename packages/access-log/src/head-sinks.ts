import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { ensurePostgresDatabase } from "@mash/platform/db/ensure-database";
import pg from "pg";
import syslog from "syslog-client";
import type { AccessLogConfig } from "./access-log-config.js";
import type { SignedHead } from "./signed-head.js";

/**
 * Somewhere the chain's signed head is published, out of reach of whoever administers the
 * gateway's database: a newer head there than in the database means its end was cut; a different
 * hash at the same place, that it was rewritten.
 */
export interface HeadSink {
  readonly name: string;
  publish(head: SignedHead): Promise<void>;
  /** The newest head published, when this sink can be read back (syslog cannot). */
  latest(): Promise<SignedHead | null>;
  close(): Promise<void>;
}

/** How much of the heads file is read for the newest head: many lines' worth. */
const TAIL_BYTES = 64 * 1024;

/** One published head, from one line; null for anything else. */
export function parseHead(line: string): SignedHead | null {
  try {
    const value = JSON.parse(line) as Partial<SignedHead>;
    if (
      typeof value.seq === "number" &&
      typeof value.hash === "string" &&
      typeof value.at === "string" &&
      typeof value.jws === "string"
    ) {
      return { seq: value.seq, hash: value.hash, at: value.at, jws: value.jws };
    }
  } catch {
    // A torn last line (a crash mid-write) is skipped: the line before it still stands.
  }
  return null;
}

/** The newest of several heads by seq (then time): the one verification holds the chain to. */
export function newestHead(heads: readonly (SignedHead | null)[]): SignedHead | null {
  let newest: SignedHead | null = null;
  for (const head of heads) {
    if (!head) continue;
    if (!newest || head.seq > newest.seq || (head.seq === newest.seq && head.at > newest.at)) {
      newest = head;
    }
  }
  return newest;
}

/**
 * One JSON line per head, appended (O_APPEND) to a file the gateway's database cannot reach. Make
 * it append-only for everyone, the gateway included (`chattr +a`), or ship it off the host (see
 * docs/access-log.md).
 */
export class FileHeadSink implements HeadSink {
  readonly name = "file";
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  async publish(head: SignedHead): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    const file = await open(this.#path, "a", 0o640);
    try {
      await file.appendFile(`${JSON.stringify(head)}\n`, "utf8");
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  /** Reads only the file's tail: a year of heads every ten seconds is a large file. */
  async latest(): Promise<SignedHead | null> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.#path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    try {
      const { size } = await file.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await file.read(buffer, 0, length, size - length);
      const lines = buffer.toString("utf8").split("\n");
      // The first line of a tail may be cut in half; parseHead skips it.
      return newestHead(lines.map(parseHead));
    } finally {
      await file.close();
    }
  }

  async close(): Promise<void> {}
}

/** Heads kept in memory: only for a gateway whose database is in memory too (DATA_DIR=memory). */
export class MemoryHeadSink implements HeadSink {
  readonly name = "memory";
  readonly heads: SignedHead[] = [];

  async publish(head: SignedHead): Promise<void> {
    this.heads.push(head);
  }

  async latest(): Promise<SignedHead | null> {
    return newestHead(this.heads);
  }

  async close(): Promise<void> {}
}

/** RFC 5424 messages to a syslog server (UDP or TCP), facility audit: write-only from here. */
export class SyslogHeadSink implements HeadSink {
  readonly name = "syslog";
  readonly #client: syslog.Client;

  constructor(url: string) {
    const parsed = new URL(url);
    this.#client = syslog.createClient(parsed.hostname, {
      port: Number(parsed.port),
      transport: parsed.protocol === "tcp:" ? syslog.Transport.Tcp : syslog.Transport.Udp,
      facility: syslog.Facility.Audit,
      severity: syslog.Severity.Notice,
      appName: "mash-gateway",
      rfc3164: false,
    });
    // A syslog server that goes away must not take the gateway with it; publish() reports it.
    this.#client.on("error", () => {});
  }

  publish(head: SignedHead): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#client.log(
        `access log head ${JSON.stringify(head)}`,
        { msgid: "ACCESS_LOG_HEAD" },
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  async latest(): Promise<SignedHead | null> {
    return null;
  }

  async close(): Promise<void> {
    this.#client.close();
  }
}

/**
 * A second PostgreSQL database (another server, another administrator) holding one row per head.
 * The table refuses updates and deletes, so even its own administrator must drop a trigger first.
 */
export class PostgresHeadSink implements HeadSink {
  readonly name = "postgres";
  readonly #url: string;
  #pool: pg.Pool | undefined;

  constructor(url: string) {
    this.#url = url;
  }

  async #ready(): Promise<pg.Pool> {
    if (this.#pool) return this.#pool;
    await ensurePostgresDatabase(this.#url);
    const pool = new pg.Pool({ connectionString: this.#url, max: 2 });
    await pool.query(`
      create table if not exists access_log_head (
        seq bigint not null,
        hash text not null,
        signed_at timestamptz not null,
        jws text not null,
        published_at timestamptz not null default now(),
        primary key (seq, signed_at)
      );
      create or replace function access_log_head_append_only() returns trigger language plpgsql as $$
        begin raise exception 'access_log_head is append-only'; end $$;
      drop trigger if exists access_log_head_append_only on access_log_head;
      create trigger access_log_head_append_only before update or delete on access_log_head
        for each row execute function access_log_head_append_only();
    `);
    this.#pool = pool;
    return pool;
  }

  async publish(head: SignedHead): Promise<void> {
    const pool = await this.#ready();
    await pool.query(
      "insert into access_log_head (seq, hash, signed_at, jws) values ($1, $2, $3, $4) on conflict do nothing",
      [head.seq, head.hash, head.at, head.jws],
    );
  }

  async latest(): Promise<SignedHead | null> {
    const pool = await this.#ready();
    const { rows } = await pool.query<{ seq: string; hash: string; signed_at: Date; jws: string }>(
      "select seq, hash, signed_at, jws from access_log_head order by seq desc, signed_at desc limit 1",
    );
    const [row] = rows;
    return row
      ? { seq: Number(row.seq), hash: row.hash, at: row.signed_at.toISOString(), jws: row.jws }
      : null;
  }

  async close(): Promise<void> {
    await this.#pool?.end();
  }
}

/** The sinks configured (ACCESS_LOG_HEAD_SINKS), in memory when the file has nowhere to go. */
export function headSinks(config: AccessLogConfig): HeadSink[] {
  return config.headSinks.map((kind) => {
    if (kind === "syslog") return new SyslogHeadSink(config.syslogUrl);
    if (kind === "postgres") return new PostgresHeadSink(config.headDatabaseUrl ?? "");
    return config.headFile ? new FileHeadSink(config.headFile) : new MemoryHeadSink();
  });
}

/** The newest head any readable sink holds. */
export async function latestPublishedHead(sinks: readonly HeadSink[]): Promise<SignedHead | null> {
  return newestHead(await Promise.all(sinks.map((sink) => sink.latest())));
}
