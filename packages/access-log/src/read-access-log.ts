import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import { decodeCursor, encodeCursor, parsePageSize } from "@mash/platform/graphql/cursor";
import { badUserInput } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { MASH_TEAM_ROLES } from "@mash/schema/authorization/catalogue";
import {
  and,
  arrayContains,
  arrayOverlaps,
  desc,
  eq,
  gte,
  inArray,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { accessLogEntry } from "./db/schema.js";
import type { AccessEntryKind } from "./entry.js";
import type { GatewayDatabase } from "./store.js";

/**
 * Whose entries a reader may see: everyone's (the data protection officer), the MASH team's and
 * their own (a MASH manager), or their own (every practitioner).
 */
export type ReaderScope =
  | { kind: "all" }
  | { kind: "team"; principalId: string }
  | { kind: "own"; principalId: string };

export function readerScope(auth: SubgraphAuthorization): ReaderScope {
  const principalId = auth.authority.principal?.id ?? "anonymous";
  if (auth.grants.scopes.has("access-log:read-all")) return { kind: "all" };
  if (auth.grants.scopes.has("access-log:read-team")) return { kind: "team", principalId };
  return { kind: "own", principalId };
}

export function scopeCondition(scope: ReaderScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  const own = eq(accessLogEntry.principalId, scope.principalId);
  if (scope.kind === "own") return own;
  return or(own, arrayOverlaps(accessLogEntry.principalRoles, [...MASH_TEAM_ROLES]));
}

export interface AccessLogFilter {
  subjectId?: string | null;
  principalId?: string | null;
  enquiryId?: string | null;
  deniedOnly?: boolean | null;
  requestId?: string | null;
  kind?: AccessEntryKind | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function filterConditions(filter: AccessLogFilter | null | undefined): SQL[] {
  if (!filter) return [];
  const conditions: SQL[] = [];
  if (filter.subjectId) {
    const id = parseUuidArgument(filter.subjectId, "filter.subjectId", "Subject");
    conditions.push(arrayContains(accessLogEntry.subjectIds, [id]));
  }
  if (filter.principalId) conditions.push(eq(accessLogEntry.principalId, filter.principalId));
  if (filter.enquiryId) {
    const id = parseUuidArgument(filter.enquiryId, "filter.enquiryId", "Enquiry");
    conditions.push(eq(accessLogEntry.purposeEnquiryId, id));
  }
  if (filter.deniedOnly) {
    const denied = or(
      sql`cardinality(${accessLogEntry.fieldsDenied}) > 0`,
      inArray(accessLogEntry.outcome, ["denied", "rejected"]),
    );
    if (denied) conditions.push(denied);
  }
  if (filter.requestId) conditions.push(eq(accessLogEntry.requestId, filter.requestId));
  if (filter.kind) conditions.push(eq(accessLogEntry.kind, filter.kind));
  if (filter.from) conditions.push(gte(accessLogEntry.occurredAt, asDate(filter.from)));
  if (filter.to) conditions.push(lte(accessLogEntry.occurredAt, asDate(filter.to)));
  return conditions;
}

/** A page of entries, newest first, within what the reader may see. */
export async function listEntries(
  db: GatewayDatabase,
  scope: ReaderScope,
  args: { filter?: AccessLogFilter | null; first?: number | null; after?: string | null },
) {
  const first = parsePageSize(args.first, 50, 200);
  const conditions = [...filterConditions(args.filter)];
  const visible = scopeCondition(scope);
  if (visible) conditions.push(visible);
  if (args.after) {
    const [seq] = decodeCursor(args.after, 1);
    const before = Number(seq);
    if (!Number.isInteger(before)) {
      throw badUserInput("The cursor is not one this server issued.", {
        field: "after",
        reason: "MALFORMED_CURSOR",
      });
    }
    conditions.push(lt(accessLogEntry.seq, before));
  }
  const rows = await db
    .select()
    .from(accessLogEntry)
    .where(and(...conditions))
    .orderBy(desc(accessLogEntry.seq))
    .limit(first + 1);
  const entries = rows.slice(0, first);
  const last = entries.at(-1);
  return {
    entries,
    endCursor: rows.length > first && last ? encodeCursor([String(last.seq)]) : null,
  };
}
