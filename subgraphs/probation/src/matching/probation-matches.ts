import type { MatchCandidateRow } from "@mash/runtime/db/match-tables";
import { matchSubjects } from "@mash/runtime/matching/match-subjects";
import {
  identityOfSubject,
  type RequiredSubjectIdentity,
} from "@mash/runtime/matching/subject-identity";
import DataLoader from "dataloader";
import type { ProbationDatabase } from "../loaders.js";
import { probationMatchingStore } from "./probation-matching-store.js";

/**
 * `Subject.probationMatches` for every subject of a request at once (a page, a household): one
 * matching run, a fixed number of statements, whatever the number of subjects. Keyed by subject id;
 * the identity comes with the key, from social care through @requires.
 */
export function probationMatchesLoader(db: ProbationDatabase, now: () => Date) {
  const store = probationMatchingStore(db);
  return new DataLoader<RequiredSubjectIdentity, MatchCandidateRow[], string>(
    (subjects) =>
      // Social care holds no CRN, so probation matches on name, date of birth and address.
      matchSubjects(
        store,
        subjects.map((subject) => identityOfSubject(subject, null)),
        now(),
      ),
    { cacheKeyFn: (subject) => subject.id },
  );
}
