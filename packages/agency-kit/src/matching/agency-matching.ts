import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Database } from "@mash/platform/db/connect";
import { type DecideMatchInput, decideMatch } from "./decide-match.js";
import { matchRecordsAfterImport } from "./match-after-import.js";
import { matchesLoader } from "./matches-loader.js";
import { type MatchingTables, matchingStore } from "./matching-store.js";
import type { RequiredSubjectIdentity } from "./subject-identity.js";

export interface AgencyMatchingOptions {
  /** The agency's person, alias and matching tables. */
  tables: MatchingTables;
  /**
   * The agency's key for a subject as social care holds it, validated (health: the NHS number);
   * null, or left out, when social care holds none (police, probation).
   */
  strongIdentifierOfSubject?: (subject: RequiredSubjectIdentity) => string | null;
}

/**
 * Record matching for one agency, from its tables alone: the `Subject.<agency>Matches` loader,
 * matching after a bulk import, and the researcher's decision. Police, health and probation differ
 * only in the tables (and health in reading social care's NHS number), so each declares those
 * and the rest is this one implementation.
 */
export function agencyMatching({ tables, strongIdentifierOfSubject }: AgencyMatchingOptions) {
  const keyOf = strongIdentifierOfSubject ?? (() => null);
  return {
    tables,
    /** The agency's matching store (benchmarks and tests drive it directly). */
    store: <TSchema extends Record<string, unknown>>(db: Database<TSchema>) =>
      matchingStore(db, tables),
    /** `Subject.<agency>Matches` for every subject of a request at once (see `matchesLoader`). */
    matchesLoader: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      now: () => Date,
    ) => matchesLoader(matchingStore(db, tables), now, keyOf),
    /**
     * After a bulk import: the new or changed records against the subjects the agency has seen,
     * CERTAIN pairs linked, the rest proposed to its researcher. Linear in the number of records.
     */
    matchAfterImport: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      recordIds: readonly string[],
    ) => matchRecordsAfterImport(matchingStore(db, tables), recordIds),
    /** `decide<Agency>Match`: the agency's researcher confirms or rejects a proposed pair. */
    decide: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      auth: SubgraphAuthorization,
      input: DecideMatchInput,
      now: Date,
    ) => decideMatch(db, tables.matchCandidate, auth, input, now),
  };
}

export type AgencyMatching = ReturnType<typeof agencyMatching>;
