import DataLoader from "dataloader";
import { asc, type SQL, sql } from "drizzle-orm";
import type { LinkEventTable, MatchCandidateRow } from "./match-tables.js";
import type { MatchingStore } from "./matching-store.js";

export type LinkEvent = LinkEventTable["$inferSelect"];

const pairKey = (pair: { subjectId: string; recordId: string }) =>
  `${pair.subjectId}|${pair.recordId}`;

/**
 * The history of each pair a request asks about (every candidate of a page): one statement for
 * all of them, oldest event first.
 */
export function linkHistoryLoader<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
) {
  const { linkEvent: table } = store;
  return new DataLoader<MatchCandidateRow, LinkEvent[], string>(
    async (pairs) => {
      const keys: SQL = sql.join(
        pairs.map(({ subjectId, recordId }) => sql`(${subjectId}::uuid, ${recordId})`),
        sql`, `,
      );
      const rows = await store.db
        .select()
        .from(table)
        .where(sql`(${table.subjectId}, ${table.recordId}) in (${keys})`)
        .orderBy(asc(table.at));
      const byPair = new Map<string, LinkEvent[]>();
      for (const row of rows) byPair.set(pairKey(row), [...(byPair.get(pairKey(row)) ?? []), row]);
      return pairs.map((pair) => byPair.get(pairKey(pair)) ?? []);
    },
    { cacheKeyFn: pairKey },
  );
}
