import { badUserInput } from "@mash/platform/graphql/errors";
import { and, desc, gte, lte, type SQL, sql } from "drizzle-orm";
import { accessLogEntry } from "./db/schema.js";
import { type ReaderScope, scopeCondition } from "./read-access-log.js";
import type { GatewayDatabase } from "./store.js";

export interface AnomalyWindow {
  from: Date;
  to: Date;
  bulkThreshold: number;
  bulkWindowMinutes: number;
}

const MAX_WINDOW_DAYS = 93;
/** Reports list at most this many entries: a report is for looking into, not for export. */
const REPORT_LIMIT = 500;

/** Working hours in the MASH's time zone; anything else counts as out of hours. */
const TIME_ZONE = "Europe/London";
const WORKDAY_START_HOUR = 8;
const WORKDAY_END_HOUR = 18;

export function parseWindow(args: {
  from: Date | string;
  to: Date | string;
  bulkThreshold?: number | null;
  bulkWindowMinutes?: number | null;
}): AnomalyWindow {
  const from = new Date(args.from);
  const to = new Date(args.to);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw badUserInput(`from must be before to, at most ${MAX_WINDOW_DAYS} days apart`, {
      field: "to",
      reason: "OUT_OF_RANGE",
    });
  }
  const bulkThreshold = args.bulkThreshold ?? 25;
  const bulkWindowMinutes = args.bulkWindowMinutes ?? 60;
  if (!Number.isInteger(bulkThreshold) || bulkThreshold < 2 || bulkThreshold > 100_000) {
    throw badUserInput("bulkThreshold must be 2 to 100000", {
      field: "bulkThreshold",
      reason: "OUT_OF_RANGE",
    });
  }
  if (!Number.isInteger(bulkWindowMinutes) || bulkWindowMinutes < 1 || bulkWindowMinutes > 1440) {
    throw badUserInput("bulkWindowMinutes must be 1 to 1440", {
      field: "bulkWindowMinutes",
      reason: "OUT_OF_RANGE",
    });
  }
  return { from, to, bulkThreshold, bulkWindowMinutes };
}

function within(window: AnomalyWindow, scope: ReaderScope): SQL[] {
  const conditions = [
    gte(accessLogEntry.occurredAt, window.from),
    lte(accessLogEntry.occurredAt, window.to),
  ];
  const visible = scopeCondition(scope);
  return visible ? [...conditions, visible] : conditions;
}

function entriesWhere(db: GatewayDatabase, conditions: SQL[]) {
  return db
    .select()
    .from(accessLogEntry)
    .where(and(...conditions))
    .orderBy(desc(accessLogEntry.seq))
    .limit(REPORT_LIMIT);
}

/** Reads of people not linked to the enquiry declared (or with none declared). */
export function outsideEnquiries(db: GatewayDatabase, scope: ReaderScope, window: AnomalyWindow) {
  return entriesWhere(db, [
    ...within(window, scope),
    sql`cardinality(${accessLogEntry.subjectsOutsidePurpose}) > 0`,
  ]);
}

/** Entries that returned break-glass items. */
export function breakGlassUse(db: GatewayDatabase, scope: ReaderScope, window: AnomalyWindow) {
  return entriesWhere(db, [
    ...within(window, scope),
    sql`cardinality(${accessLogEntry.breakGlassGrantIds}) > 0`,
  ]);
}

/** Entries at weekends or outside working hours, in UK time (so summer time is right). */
export function outOfHours(db: GatewayDatabase, scope: ReaderScope, window: AnomalyWindow) {
  const local = sql`(${accessLogEntry.occurredAt} at time zone ${TIME_ZONE})`;
  return entriesWhere(db, [
    ...within(window, scope),
    sql`(extract(isodow from ${local}) >= 6 or extract(hour from ${local}) < ${WORKDAY_START_HOUR} or extract(hour from ${local}) >= ${WORKDAY_END_HOUR})`,
  ]);
}

/**
 * People who read at least `bulkThreshold` distinct subjects within one window of
 * `bulkWindowMinutes` (windows aligned to `from`): the pattern of browsing rather than working a case.
 */
export async function bulkAccess(db: GatewayDatabase, scope: ReaderScope, window: AnomalyWindow) {
  // One row per (entry, subject read), then counted per person and window.
  const touched = db
    .select({
      principalId: accessLogEntry.principalId,
      occurredAt: accessLogEntry.occurredAt,
      seq: accessLogEntry.seq,
      subject: sql<string>`unnest(${accessLogEntry.subjectIds})`.as("subject"),
    })
    .from(accessLogEntry)
    .where(and(...within(window, scope)))
    .as("touched");
  const minutes = `${window.bulkWindowMinutes} minutes`;
  const bucket = sql`date_bin(${minutes}::interval, ${touched.occurredAt}, ${window.from.toISOString()}::timestamptz)`;
  const rows = await db
    .select({
      principalId: touched.principalId,
      windowStart: sql<string>`${bucket}`.as("window_start"),
      distinctSubjects: sql<number>`count(distinct ${touched.subject})::int`.as(
        "distinct_subjects",
      ),
      requests: sql<number>`count(distinct ${touched.seq})::int`.as("requests"),
    })
    .from(touched)
    // By the output name: the bucket's bound parameters would not match a repeated expression.
    .groupBy(touched.principalId, sql`window_start`)
    .having(sql`count(distinct ${touched.subject}) >= ${window.bulkThreshold}`)
    .orderBy(sql`distinct_subjects desc`)
    .limit(REPORT_LIMIT);
  return rows.map((row) => ({ ...row, windowStart: new Date(row.windowStart) }));
}
