import { varchar } from "drizzle-orm/pg-core";

/**
 * An agency's own record ids are opaque: whatever its case management system issues (an 8-digit
 * nominal number, a trust's local patient id such as RKB1234567, a council's LCS1234567). They are
 * checked only for length and characters (see `agencyRecordId` in the import's field schemas), so
 * every column holding one is this wide.
 */
export const RECORD_ID_MAX_LENGTH = 64;

/** A column holding an agency's own record id (its primary key, or a reference to it). */
export const agencyRecordIdColumn = (name: string) =>
  varchar(name, { length: RECORD_ID_MAX_LENGTH });
