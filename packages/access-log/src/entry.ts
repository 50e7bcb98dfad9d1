import { createHash } from "node:crypto";
import { canonicalJson } from "@mash/platform/integrity/canonical-json";
import type { AccessDenial, accessEntryKind, accessLogEntry, accessOutcome } from "./db/schema.js";

export type AccessOutcome = (typeof accessOutcome.enumValues)[number];
export type AccessEntryKind = (typeof accessEntryKind.enumValues)[number];
export type { AccessDenial };

/** What the gateway knows about a request when it decides to log it; the chain adds the rest. */
export interface AccessRecord {
  id: string;
  kind: AccessEntryKind;
  requestId: string;
  clientRequestId: string | null;
  occurredAt: Date;
  principalId: string;
  principalAgency: string | null;
  principalRoles: string[];
  purposeEnquiryId: string | null;
  operationName: string | null;
  operationType: string;
  subjectIds: string[];
  subjectsOutsidePurpose: string[];
  fieldsRequested: string[];
  fieldsReturned: string[];
  fieldsDenied: string[];
  denials: AccessDenial[];
  arguments: Record<string, string[]>;
  breakGlassGrantIds: string[];
  outcome: AccessOutcome;
  requestCount: number;
  countedSince: Date | null;
}

export type StoredEntry = typeof accessLogEntry.$inferSelect;

/** A record with its place in the chain: what is stored. */
export type ChainedEntry = AccessRecord & {
  seq: number;
  hashVersion: number;
  prevHash: string;
  hash: string;
};

/** The hash version every new entry is written with. */
export const CURRENT_HASH_VERSION = 2;

/** The hash before the first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The content version 1 covered: entries written before kinds, denials and checkpoints. */
function contentV1(record: StoredEntryContent) {
  return {
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
  };
}

/** Everything an entry records, whichever version it was written with. */
type StoredEntryContent = Omit<AccessRecord, never>;

/**
 * The hash of an entry: SHA-256 of the canonical JSON of everything it records, its place in the
 * log (`seq`) and the previous entry's hash. Changing any field, reordering, or removing an entry
 * changes every hash after it. Version 2 covers every column (kind, denials, arguments, counts);
 * version 1 is kept so that entries written before it still verify.
 */
export function entryHash(
  record: StoredEntryContent,
  seq: number,
  prevHash: string,
  version: number = CURRENT_HASH_VERSION,
): string {
  const content =
    version === 1
      ? { seq, prevHash, ...contentV1(record) }
      : {
          version,
          seq,
          prevHash,
          ...contentV1(record),
          kind: record.kind,
          clientRequestId: record.clientRequestId,
          fieldsRequested: record.fieldsRequested,
          denials: record.denials,
          arguments: record.arguments,
          requestCount: record.requestCount,
          countedSince: record.countedSince?.toISOString() ?? null,
        };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** Chains records after `head`: numbers them and links each to the previous hash. */
export function chainAfter(
  head: { seq: number; hash: string },
  records: readonly AccessRecord[],
): ChainedEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return records.map((record) => {
    seq += 1;
    const hash = entryHash(record, seq, prevHash);
    const entry = { ...record, seq, hashVersion: CURRENT_HASH_VERSION, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

/** Sorted, without duplicates: the stored lists are sets, and their order must not move a hash. */
export function setOf(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Denials sorted and without duplicates, for the same reason. */
export function denialSet(denials: Iterable<AccessDenial>): AccessDenial[] {
  const byKey = new Map<string, AccessDenial>();
  for (const denial of denials) byKey.set(`${denial.path}\u0000${denial.reason}`, denial);
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, denial]) => denial);
}
