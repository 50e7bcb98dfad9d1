import { fileURLToPath } from "node:url";
import { type AgencyDatabase, openDatabase } from "@mash/platform/db/connect";
import { createLogger } from "@mash/platform/observability/logger";
import type { AccessRecord } from "../../src/access-log/entry.js";
import { AccessLogWriter } from "../../src/access-log/writer.js";
import * as tables from "../../src/db/schema.js";

/** A fresh, migrated, in-memory gateway database with a writer, for one test file. */
export async function memoryAccessLog(options: { maxDelayMs?: number; maxBatch?: number } = {}) {
  const database: AgencyDatabase<typeof tables> = await openDatabase({
    target: { kind: "pglite" },
    schema: tables,
  });
  await database.migrate(fileURLToPath(new URL("../../src/db/migrations", import.meta.url)));
  const writer = new AccessLogWriter(database.db, createLogger("test", "silent"), options);
  return { database, db: database.db, writer };
}

let counter = 0;

/** An access record with sensible defaults; tests override what they look at. */
export function aRecord(overrides: Partial<AccessRecord> = {}): AccessRecord {
  counter += 1;
  return {
    id: crypto.randomUUID(),
    requestId: `request-${counter}`,
    occurredAt: new Date("2026-11-18T10:30:00Z"),
    principalId: "dev-social-worker",
    principalAgency: "social-care",
    principalRoles: ["mash-social-worker"],
    purposeEnquiryId: "24cde63f-4a4d-5133-9095-7611307ff439",
    operationName: "Picture",
    operationType: "query",
    subjectIds: ["a2b644b0-bf45-4570-a531-f355c98ffc27"],
    subjectsOutsidePurpose: [],
    fieldsReturned: ["Query.subject", "Subject.name"],
    fieldsDenied: [],
    breakGlassGrantIds: [],
    outcome: "returned",
    ...overrides,
  };
}
