import type { Database } from "@mash/platform/db/connect";
import { eq, sql } from "drizzle-orm";
import type { SubjectFeedTable } from "../db/match-tables.js";
import { addOutcomes, emptyOutcome, type LinkageOutcome } from "../matching/link-records.js";
import type { RequiredSubjectIdentity } from "../matching/subject-identity.js";

/** One page of social care's `subjectChanges`. */
export interface SubjectChangePage {
  subjects: RequiredSubjectIdentity[];
  endCursor: string | null;
  hasMore: boolean;
}

/** Asks social care for the changes after a cursor (through the gateway, in a running graph). */
export type FetchSubjectChanges = (after: string | null) => Promise<SubjectChangePage>;

/** What one pull did. */
export interface SubjectPull {
  /** Subjects received (a subject changed twice may come twice). */
  subjects: number;
  pages: number;
  outcome: LinkageOutcome;
}

/** The feed's name in `subject_feed`: social care's subjects (the only feed there is). */
export const SOCIAL_CARE_SUBJECTS = "social-care-subjects";

/**
 * Pulls every change since the stored cursor and links each page as it arrives (`link`: the
 * agency's `linkSubjects`), then stores the page's end cursor. At least once: a page linked but not
 * yet marked is linked again after a crash, which linkage's idempotence makes harmless.
 */
export async function pullSubjectChanges<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: SubjectFeedTable,
  fetchPage: FetchSubjectChanges,
  link: (subjects: readonly RequiredSubjectIdentity[]) => Promise<LinkageOutcome>,
  maxPages = 1_000,
): Promise<SubjectPull> {
  const [stored] = await db
    .select({ cursor: table.cursor })
    .from(table)
    .where(eq(table.feed, SOCIAL_CARE_SUBJECTS));
  let cursor = stored?.cursor ?? null;
  const pull: SubjectPull = { subjects: 0, pages: 0, outcome: emptyOutcome() };
  for (let more = true; more && pull.pages < maxPages; ) {
    const page = await fetchPage(cursor);
    pull.pages++;
    pull.subjects += page.subjects.length;
    if (page.subjects.length > 0)
      pull.outcome = addOutcomes(pull.outcome, await link(page.subjects));
    if (page.endCursor !== cursor) {
      cursor = page.endCursor;
      await db
        .insert(table)
        .values({ feed: SOCIAL_CARE_SUBJECTS, cursor, pulledAt: new Date() })
        .onConflictDoUpdate({
          target: table.feed,
          set: { cursor: sql`excluded.cursor`, pulledAt: sql`excluded.pulled_at` },
        });
    }
    more = page.hasMore;
  }
  return pull;
}
