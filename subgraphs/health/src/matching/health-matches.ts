import type { MatchCandidateRow } from "@mash/runtime/db/match-tables";
import { parseNhsNumber } from "@mash/runtime/identifiers/nhs-number";
import { matchSubjects } from "@mash/runtime/matching/match-subjects";
import {
  identityOfSubject,
  type RequiredSubjectIdentity,
} from "@mash/runtime/matching/subject-identity";
import DataLoader from "dataloader";
import type { HealthDatabase } from "../loaders.js";
import { healthMatchingStore } from "./health-matching-store.js";

/**
 * `Subject.healthMatches` for every subject of a request at once (a page, a household): one
 * matching run, a fixed number of statements, whatever the number of subjects. Keyed by subject id;
 * the identity comes with the key, from social care through @requires.
 */
export function healthMatchesLoader(db: HealthDatabase, now: () => Date) {
  const store = healthMatchingStore(db);
  return new DataLoader<RequiredSubjectIdentity, MatchCandidateRow[], string>(
    (subjects) =>
      // Health keys on the NHS number: social care's, when it holds one that validates (a
      // malformed one is ignored here rather than failing the subject's whole match).
      matchSubjects(
        store,
        subjects.map((subject) => identityOfSubject(subject, validNhsNumber(subject))),
        now(),
      ),
    { cacheKeyFn: (subject) => subject.id },
  );
}

function validNhsNumber(subject: RequiredSubjectIdentity): string | null {
  const nhsNumber = subject.identifiers?.nhsNumber;
  if (!nhsNumber) return null;
  const parsed = parseNhsNumber(nhsNumber);
  return parsed.ok ? parsed.value : null;
}
