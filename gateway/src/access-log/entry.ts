import { createHash } from "node:crypto";
import { canonicalJson } from "@mash/platform/integrity/canonical-json";
import type { accessLogEntry } from "../db/schema.js";

export type AccessOutcome = "returned" | "denied" | "rejected";

/** What the gateway knows about a request when it decides to log it; the chain adds the rest. */
export interface AccessRecord {
  id: string;
  requestId: string;
  occurredAt: Date;
  principalId: string;
  principalAgency: string | null;
  principalRoles: string[];
  purposeEnquiryId: string | null;
  operationName: string | null;
  operationType: string;
  subjectIds: string[];
  subjectsOutsidePurpose: string[];
  fieldsReturned: string[];
  fieldsDenied: string[];
  breakGlassGrantIds: string[];
  outcome: AccessOutcome;
}

export type StoredEntry = typeof accessLogEntry.$inferSelect;

/** The hash before the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash of an entry: SHA-256 of the canonical JSON of everything it records, its place in the
 * log (`seq`) and the previous entry's hash. Changing any field, reordering, or removing an entry
 * changes every hash after it.
 */
export function entryHash(record: AccessRecord, seq: number, prevHash: string): string {
  const content = canonicalJson({
    seq,
    prevHash,
    id: record.id,
    requestId: record.requestId,
    occurredAt: record.occurredAt.toISOString(),
    principalId: record.principalId,
    principalAgency: record.principalAgency,
    principalRoles: record.principalRoles,
    purposeEnquiryId: record.purposeEnquiryId,
    operationName: record.operationName,
    operationType: record.operationType,
    subjectIds: record.subjectIds,
    subjectsOutsidePurpose: record.subjectsOutsidePurpose,
    fieldsReturned: record.fieldsReturned,
    fieldsDenied: record.fieldsDenied,
    breakGlassGrantIds: record.breakGlassGrantIds,
    outcome: record.outcome,
  });
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** Sorted, without duplicates: the stored lists are sets, and their order must not move a hash. */
export function setOf(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
