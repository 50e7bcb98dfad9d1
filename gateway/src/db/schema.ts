import { bigint, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const accessOutcome = pgEnum("access_outcome", ["returned", "denied", "rejected"]);

/**
 * One request that read (or tried to read) protected data: who, when, why (purpose), which subjects,
 * which field coordinates were returned and which paths were denied. Ids and coordinates only, never
 * values. Append-only and hash-chained: each entry's hash covers its content and the previous hash,
 * and `seq` runs without gaps, so an edited or deleted entry breaks the chain at that point.
 */
export const accessLogEntry = pgTable(
  "access_log_entry",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    id: uuid("id").notNull().unique(),
    requestId: text("request_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    principalId: text("principal_id").notNull(),
    principalAgency: text("principal_agency"),
    principalRoles: text("principal_roles").array().notNull(),
    purposeEnquiryId: uuid("purpose_enquiry_id"),
    operationName: text("operation_name"),
    operationType: text("operation_type").notNull(),
    subjectIds: uuid("subject_ids").array().notNull(),
    subjectsOutsidePurpose: uuid("subjects_outside_purpose").array().notNull(),
    fieldsReturned: text("fields_returned").array().notNull(),
    fieldsDenied: text("fields_denied").array().notNull(),
    breakGlassGrantIds: text("break_glass_grant_ids").array().notNull(),
    outcome: accessOutcome("outcome").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("access_log_occurred_at_idx").on(table.occurredAt),
    index("access_log_principal_idx").on(table.principalId, table.occurredAt),
    index("access_log_purpose_idx").on(table.purposeEnquiryId),
    index("access_log_subjects_idx").using("gin", table.subjectIds),
  ],
);
