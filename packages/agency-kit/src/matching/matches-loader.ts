import DataLoader from "dataloader";
import type { MatchCandidateRow } from "../db/match-tables.js";
import type { MatchingStore } from "./matching-store.js";
import { storedMatches } from "./read-matches.js";

/**
 * `Subject.<agency>Matches` for every subject of a request at once (a page, a household): the pairs
 * linkage stored, read in a fixed number of statements whatever the number of subjects. Reading
 * never writes: a subject linkage has not learned of yet (social care's change feed brings it within
 * seconds of its creation) simply has no candidates.
 */
export function matchesLoader<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
) {
  return new DataLoader<{ id: string }, MatchCandidateRow[], string>(
    (subjects) =>
      storedMatches(
        store,
        subjects.map((subject) => subject.id),
      ),
    { cacheKeyFn: (subject) => subject.id },
  );
}
