import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Database } from "@mash/platform/db/connect";
import type { Logger } from "@mash/platform/observability/logger";
import {
  type FetchSubjectChanges,
  pullSubjectChanges,
} from "../subject-feed/pull-subject-changes.js";
import { loadSubjectFeedConfig } from "../subject-feed/subject-feed-config.js";
import { feedSource, startSubjectFeedWorker } from "../subject-feed/subject-feed-worker.js";
import {
  type DecideMatchInput,
  decideMatch,
  type RevokeLinkInput,
  revokeLink,
} from "./decide-match.js";
import type { AgencyIdentity } from "./identity.js";
import { linkHistoryLoader } from "./link-history.js";
import {
  type LinkageOutcome,
  linkRecords,
  linkSubjects,
  rememberSubjects,
  type SubjectIndex,
  subjectIndex,
} from "./link-records.js";
import { matchesLoader } from "./matches-loader.js";
import { type MatchingTables, matchingStore } from "./matching-store.js";
import { reviewQueue } from "./review-queue.js";
import { identityOfSubject, type RequiredSubjectIdentity } from "./subject-identity.js";

export interface AgencyMatchingOptions {
  /** The agency's person, alias and matching tables. */
  tables: MatchingTables;
  /**
   * The agency's key for a subject as social care holds it, validated (health: the NHS number);
   * null, or left out, when social care holds none (police, probation).
   */
  strongIdentifierOfSubject?: (subject: RequiredSubjectIdentity) => string | null;
  /**
   * The subject's identity fields the agency compares, as a GraphQL selection: what it asks
   * social care's change feed for (the same fields its `<agency>Matches` declares in `@requires`).
   */
  identitySelection: string;
}

type Db = Database<Record<string, unknown>>;

/**
 * Record linkage for one agency, from its tables alone: linking records after an import and new
 * or changed subjects, re-linking everything, `Subject.<agency>Matches` (reads what linkage
 * stored), the researcher's review queue, decisions and revocations, and each pair's history.
 * Police, health and probation differ only in the tables (and health in reading social care's NHS
 * number), so each declares those and the rest is this one implementation.
 */
export function agencyMatching({
  tables,
  strongIdentifierOfSubject,
  identitySelection,
}: AgencyMatchingOptions) {
  const keyOf = strongIdentifierOfSubject ?? (() => null);
  const store = <TSchema extends Record<string, unknown>>(db: Database<TSchema>) =>
    matchingStore(db, tables);
  /** A page of social care's subjects, as the feed brings them: remembered and linked. */
  const linkFeedPage =
    <TSchema extends Record<string, unknown>>(db: Database<TSchema>) =>
    (subjects: readonly RequiredSubjectIdentity[]) =>
      linkSubjects(
        store(db),
        subjects.map((subject) => identityOfSubject(subject, keyOf(subject))),
      );
  const decisionTables = { matchCandidate: tables.matchCandidate, linkEvent: tables.linkEvent };
  return {
    tables,
    /** The agency's matching store (benchmarks and tests drive it directly). */
    store,
    /** `Subject.<agency>Matches` for every subject of a request at once: reads, never writes. */
    matchesLoader: <TSchema extends Record<string, unknown>>(db: Database<TSchema>) =>
      matchesLoader(store(db)),
    /** Each candidate's history, batched per request. */
    historyLoader: <TSchema extends Record<string, unknown>>(db: Database<TSchema>) =>
      linkHistoryLoader(store(db)),
    /**
     * After a bulk import: the new or changed records against the subjects the agency knows,
     * CERTAIN pairs linked one record one person, the rest proposed. Linear in the records.
     */
    matchAfterImport: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      recordIds: readonly string[],
    ): Promise<LinkageOutcome> => linkRecords(store(db), recordIds),
    /**
     * The import's hook (called after each batch): like `matchAfterImport`, with the subjects read
     * once for the whole import rather than looked up per batch.
     */
    importLinkage: <TSchema extends Record<string, unknown>>(db: Database<TSchema>) => {
      const linkage = store(db);
      let subjects: Promise<SubjectIndex> | null = null;
      return async (recordIds: readonly string[]): Promise<LinkageOutcome> => {
        subjects ??= subjectIndex(linkage);
        return linkRecords(linkage, recordIds, new Date(), undefined, await subjects);
      };
    },
    /** New or changed MASH subjects: remembered, and every record they could be re-linked. */
    linkSubjects: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      subjects: readonly AgencyIdentity[],
      now: Date = new Date(),
    ): Promise<LinkageOutcome> => linkSubjects(store(db), subjects, now),
    /**
     * Every MASH subject as social care serves it, remembered, then every record linked: what a
     * new agency database needs before its first enquiry (the development seed does this with the
     * synthetic subjects).
     */
    linkAll: async <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      subjects: readonly RequiredSubjectIdentity[],
      now: Date = new Date(),
    ): Promise<LinkageOutcome> => {
      const linkage = store(db);
      const identities = subjects.map((subject) => identityOfSubject(subject, keyOf(subject)));
      await rememberSubjects(linkage, identities, now);
      return linkRecords(linkage, await linkage.allRecordIds(), now);
    },
    /**
     * One pull of social care's subject change feed: every subject created or changed since the
     * stored cursor, linked page by page (`linkSubjects`).
     */
    pullSubjectChanges: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      fetchPage: FetchSubjectChanges,
    ) => pullSubjectChanges(db, tables.subjectFeed, fetchPage, linkFeedPage(db)),
    /**
     * The subgraph's background work: pull the subject feed every few seconds, when configured
     * (`SUBJECT_FEED_URL`, see `loadSubjectFeedConfig`); nothing when it is not.
     */
    subjectFeedWorker: <TSchema extends Record<string, unknown>>(context: {
      agency: string;
      db: Database<TSchema>;
      logger: Logger;
      env: NodeJS.ProcessEnv;
    }) => {
      const config = loadSubjectFeedConfig(context.agency, context.env);
      if (!config) {
        context.logger.info(
          "subject feed off (SUBJECT_FEED_URL unset): linkage learns no new subjects",
        );
        return null;
      }
      const fetchPage = feedSource(context.agency, config, identitySelection);
      const worker = startSubjectFeedWorker(
        () =>
          pullSubjectChanges(context.db, tables.subjectFeed, fetchPage, linkFeedPage(context.db)),
        config.intervalMs,
        context.logger,
      );
      void worker.pullNow();
      return worker;
    },
    /** Every record linked again (after a change of rules): idempotent; decisions stand. */
    relinkAll: async <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      onProgress?: (done: number, total: number, outcome: LinkageOutcome) => void,
    ): Promise<LinkageOutcome> => {
      const linkage = store(db);
      const ids = await linkage.allRecordIds();
      return linkRecords(linkage, ids, new Date(), (done, outcome) =>
        onProgress?.(done, ids.length, outcome),
      );
    },
    /** The researcher's review queue, conflicts first. */
    reviewQueue: (db: Db, first: number, offset: number) => reviewQueue(store(db), first, offset),
    /** `decide<Agency>Match`: the agency's researcher confirms or rejects a proposed pair. */
    decide: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      auth: SubgraphAuthorization,
      input: DecideMatchInput,
      now: Date,
    ) => decideMatch(db, decisionTables, auth, input, now),
    /** `revoke<Agency>Link`: the agency's researcher undoes a link, with a reason. */
    revoke: <TSchema extends Record<string, unknown>>(
      db: Database<TSchema>,
      auth: SubgraphAuthorization,
      input: RevokeLinkInput,
      now: Date,
    ) => revokeLink(db, decisionTables, auth, input, now),
  };
}

export type AgencyMatching = ReturnType<typeof agencyMatching>;
