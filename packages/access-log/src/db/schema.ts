import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const accessOutcome = pgEnum("access_outcome", [
  "returned",
  "denied",
  "rejected",
  "nothing_returned",
  "pending",
]);

export const accessEntryKind = pgEnum("access_entry_kind", [
  "access",
  "mutation_intent",
  "refused",
  "refusals_counted",
]);

/** One refusal: where (a Router-style path, "@" for list items) and why. */
export interface AccessDenial {
  path: string;
  /** UNAUTHORIZED at the gateway's filter, or the subgraph's own reason (OUTSIDE_PURPOSE, …). */
  reason: string;
  /** The subgraph that refused, when a subgraph did. */
  service: string | null;
}

/**
 * One request that read (or tried to read, or was refused before it could) protected data: who,
 * when, why (purpose), which subjects, which field coordinates the answer held and which paths were
 * refused and why. Ids, coordinates and enum values only, never values. Append-only and
 * hash-chained: each entry's hash covers its content and the previous hash, and `seq` runs without
 * gaps, so an edited or deleted entry breaks the chain at that point.
 */
export const accessLogEntry = pgTable(
  "access_log_entry",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    id: uuid("id").notNull().unique(),
    /** Which content the hash covers: 1 for entries written before kinds and denials existed. */
    hashVersion: smallint("hash_version").notNull().default(1),
    kind: accessEntryKind("kind").notNull().default("access"),
    requestId: text("request_id").notNull(),
    /** The id the caller sent in x-request-id, if any: sanitised, at most 64 characters. */
    clientRequestId: text("client_request_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    principalId: text("principal_id").notNull(),
    principalAgency: text("principal_agency"),
    principalRoles: text("principal_roles").array().notNull(),
    purposeEnquiryId: uuid("purpose_enquiry_id"),
    operationName: text("operation_name"),
    operationType: text("operation_type").notNull(),
    subjectIds: uuid("subject_ids").array().notNull(),
    subjectsOutsidePurpose: uuid("subjects_outside_purpose").array().notNull(),
    /** Protected coordinates the operation asked for (after the gateway's filter). */
    fieldsRequested: text("fields_requested").array().notNull().default([]),
    /** Protected coordinates with a non-null value in the answer sent. */
    fieldsReturned: text("fields_returned").array().notNull(),
    /** The paths of `denials`, for filtering. */
    fieldsDenied: text("fields_denied").array().notNull(),
    denials: jsonb("denials").$type<AccessDenial[]>().notNull().default([]),
    /** A mutation's ID and enum arguments, by argument path (never free text). */
    arguments: jsonb("arguments").$type<Record<string, string[]>>().notNull().default({}),
    breakGlassGrantIds: text("break_glass_grant_ids").array().notNull(),
    outcome: accessOutcome("outcome").notNull(),
    /** How many requests the entry stands for: more than 1 for counted refusals. */
    requestCount: integer("request_count").notNull().default(1),
    /** For counted refusals: the start of the window counted. */
    countedSince: timestamp("counted_since", { withTimezone: true, mode: "date" }),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("access_log_occurred_at_idx").on(table.occurredAt),
    index("access_log_principal_idx").on(table.principalId, table.occurredAt),
    index("access_log_purpose_idx").on(table.purposeEnquiryId),
    index("access_log_subjects_idx").using("gin", table.subjectIds),
    index("access_log_request_idx").on(table.requestId),
  ],
);

/**
 * A signed statement that the chain was verified up to `seq`, whose entry has `hash`: verification
 * starts from the latest one instead of the first entry. The signature (a compact JWS by the
 * gateway's key) means nobody without that key can add or move one.
 */
export const accessLogCheckpoint = pgTable("access_log_checkpoint", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  hash: text("hash").notNull(),
  signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }).notNull(),
  jws: text("jws").notNull(),
});

/**
 * A month of entries moved out of the database into an archive file. The row keeps the segment's
 * anchors (the hash before its first entry and of its last), signed, so the live chain continues
 * from it and the file can be verified on its own.
 */
export const accessLogArchive = pgTable("access_log_archive", {
  toSeq: bigint("to_seq", { mode: "number" }).primaryKey(),
  fromSeq: bigint("from_seq", { mode: "number" }).notNull(),
  month: text("month").notNull().unique(),
  prevHash: text("prev_hash").notNull(),
  lastHash: text("last_hash").notNull(),
  entries: integer("entries").notNull(),
  fileName: text("file_name").notNull(),
  fileSha256: text("file_sha256").notNull(),
  archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }).notNull(),
  jws: text("jws").notNull(),
});
