import type { MatchCandidateRow } from "@mash/runtime/db/match-tables";
import { matchSubjects } from "@mash/runtime/matching/match-subjects";
import {
  identityOfSubject,
  type RequiredSubjectIdentity,
} from "@mash/runtime/matching/subject-identity";
import DataLoader from "dataloader";
import type { PoliceDatabase } from "../loaders.js";
import { policeMatchingStore } from "./police-matching-store.js";

/**
 * `Subject.policeMatches` for every subject of a request at once (a page, a household): one
 * matching run, a fixed number of statements, whatever the number of subjects. Keyed by subject id;
 * the identity comes with the key, from social care through @requires.
 */
export function policeMatchesLoader(db: PoliceDatabase, now: () => Date) {
  const store = policeMatchingStore(db);
  return new DataLoader<RequiredSubjectIdentity, MatchCandidateRow[], string>(
    (subjects) =>
      // Social care holds no PNC ID, so the police match on name, date of birth and address.
      matchSubjects(
        store,
        subjects.map((subject) => identityOfSubject(subject, null)),
        now(),
      ),
    { cacheKeyFn: (subject) => subject.id },
  );
}
