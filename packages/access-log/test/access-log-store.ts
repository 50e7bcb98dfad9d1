import { loadGatewayPublicKeys, loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { type AgencyDatabase, type Database, openDatabase } from "@mash/platform/db/connect";
import { createLogger } from "@mash/platform/observability/logger";
import { asc, eq } from "drizzle-orm";
import * as tables from "../src/db/schema.js";
import { type AccessRecord, entryHash } from "../src/entry.js";
import { HeadPublisher } from "../src/head-publisher.js";
import { MemoryHeadSink } from "../src/head-sinks.js";
import { ACCESS_LOG_MIGRATIONS } from "../src/open-access-log.js";
import { createChainSignatureVerifier, createChainSigner } from "../src/signed-head.js";
import { DatabaseChainStore } from "../src/store.js";
import { AccessLogWriter, type AccessLogWriterOptions } from "../src/writer.js";

const DEV = { NODE_ENV: "test" };
/** The development keys: what the gateway signs heads with outside production. */
export const signer = createChainSigner(loadGatewaySigningKey(DEV));
export const signatures = createChainSignatureVerifier(loadGatewayPublicKeys(DEV));

/** A fresh, migrated, in-memory gateway database with a writer, for one test file. */
export async function memoryAccessLog(
  options: AccessLogWriterOptions & { checkpointEvery?: number } = {},
) {
  const database: AgencyDatabase<typeof tables> = await openDatabase({
    target: { kind: "pglite" },
    schema: tables,
  });
  await database.migrate(ACCESS_LOG_MIGRATIONS);
  const store = new DatabaseChainStore(database.db);
  const logger = createLogger("test", "silent");
  const writer = new AccessLogWriter(store, logger, options);
  const sink = new MemoryHeadSink();
  const publisher = new HeadPublisher({
    store,
    signer,
    signatures,
    sinks: [sink],
    logger,
    checkpointEvery: options.checkpointEvery ?? 1_000_000,
  });
  return { database, db: database.db, store, writer, sink, publisher };
}

let counter = 0;

/** An access record with sensible defaults; tests override what they look at. */
export function aRecord(overrides: Partial<AccessRecord> = {}): AccessRecord {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    kind: "access",
    requestId: `request-${counter}`,
    clientRequestId: null,
    occurredAt: new Date("2026-11-18T10:30:00Z"),
    principalId: "dev-social-worker",
    principalAgency: "social-care",
    principalRoles: ["mash-social-worker"],
    purposeEnquiryId: "24cde63f-4a4d-5133-9095-7611307ff439",
    operationName: "Picture",
    operationType: "query",
    subjectIds: ["a2b644b0-bf45-4570-a531-f355c98ffc27"],
    subjectsOutsidePurpose: [],
    fieldsRequested: ["Query.subject", "Subject.name"],
    fieldsReturned: ["Query.subject", "Subject.name"],
    fieldsDenied: [],
    denials: [],
    arguments: {},
    breakGlassGrantIds: [],
    outcome: "returned",
    requestCount: 1,
    countedSince: null,
    ...overrides,
  };
}

/**
 * What someone with write access to the database would do to cover their tracks: change entry
 * `seq` and recompute every hash from there on, so the chain alone still looks whole. Returns the
 * rows as they were, to put back.
 */
export async function rewriteFrom(db: Database<typeof tables>, seq: number, principalId: string) {
  const entries = await db
    .select()
    .from(tables.accessLogEntry)
    .orderBy(asc(tables.accessLogEntry.seq));
  let prevHash = entries[seq - 2]?.hash ?? "";
  for (const entry of entries.slice(seq - 1)) {
    const record = entry.seq === seq ? { ...entry, principalId } : entry;
    const hash = entryHash(record, entry.seq, prevHash);
    await db
      .update(tables.accessLogEntry)
      .set({ principalId: record.principalId, prevHash, hash })
      .where(eq(tables.accessLogEntry.seq, entry.seq));
    prevHash = hash;
  }
  return entries.slice(seq - 1);
}
