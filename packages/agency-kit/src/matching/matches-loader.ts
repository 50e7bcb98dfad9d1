import DataLoader from "dataloader";
import type { MatchCandidateRow } from "../db/match-tables.js";
import { matchSubjects } from "./match-subjects.js";
import type { MatchingStore } from "./matching-store.js";
import { identityOfSubject, type RequiredSubjectIdentity } from "./subject-identity.js";

/**
 * `Subject.<agency>Matches` for every subject of a request at once (a page, a household): one
 * matching run, a fixed number of statements, whatever the number of subjects. Keyed by subject id;
 * the identity comes with the key, from social care through @requires. `strongIdentifierOf` picks
 * the identifier the agency keys on from social care's record (null when social care holds none).
 */
export function matchesLoader<TSchema extends Record<string, unknown>>(
  store: MatchingStore<TSchema>,
  now: () => Date,
  strongIdentifierOf: (subject: RequiredSubjectIdentity) => string | null,
) {
  return new DataLoader<RequiredSubjectIdentity, MatchCandidateRow[], string>(
    (subjects) =>
      matchSubjects(
        store,
        subjects.map((subject) => identityOfSubject(subject, strongIdentifierOf(subject))),
        now(),
      ),
    { cacheKeyFn: (subject) => subject.id },
  );
}
