import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import { linkSubjects } from "./link-records.js";
import type { MatchCandidateRow } from "./match-tables.js";
import type { MatchingStore } from "./matching-store.js";
import { storedMatches } from "./read-matches.js";
import { identityOfSubject, type RequiredSubjectIdentity } from "./subject-identity.js";

/**
 * `Subject.<agency>Matches` for every subject of a request at once (a page, a household): the pairs
 * linkage stored, read in a fixed number of statements whatever the number of subjects. Reading
 * writes nothing for a subject the agency already knows.
 *
 * Stand-in, until social care's changes reach each agency by themselves (docs/matching.md): a
 * subject the agency has never seen (created after the agency last linked) is linked on its first
 * read, from the identity that comes with the key through @requires.
 */
export function matchesLoader<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  now: () => Date,
  strongIdentifierOf: (subject: RequiredSubjectIdentity) => string | null,
) {
  return new DataLoader<RequiredSubjectIdentity, MatchCandidateRow[], string>(
    async (subjects) => {
      const ids = subjects.map((subject) => subject.id);
      const { mashSubject } = store;
      const known = await store.db
        .select({ id: mashSubject.subjectId })
        .from(mashSubject)
        .where(inArray(mashSubject.subjectId, ids));
      const knownIds = new Set(known.map((row) => row.id));
      const unknown = subjects.filter((subject) => !knownIds.has(subject.id) && subject.name);
      if (unknown.length > 0) {
        const identities = unknown.map((subject) =>
          identityOfSubject(subject, strongIdentifierOf(subject)),
        );
        await linkSubjects(store, identities, now());
      }
      return storedMatches(store, ids);
    },
    { cacheKeyFn: (subject) => subject.id },
  );
}
