import { matchesLoader } from "@mash/agency-kit/matching/matches-loader";
import type { RequiredSubjectIdentity } from "@mash/agency-kit/matching/subject-identity";
import { parseNhsNumber } from "@mash/uk-identifiers/nhs-number";
import type { HealthDatabase } from "../loaders.js";
import { healthMatchingStore } from "./health-matching-store.js";

/** `Subject.healthMatches`, batched per request (see `matchesLoader`). */
export function healthMatchesLoader(db: HealthDatabase, now: () => Date) {
  return matchesLoader(healthMatchingStore(db), now, validNhsNumber);
}

/**
 * Health keys on the NHS number: social care's, when it holds one that validates (a malformed one
 * is ignored here rather than failing the subject's whole match).
 */
function validNhsNumber(subject: RequiredSubjectIdentity): string | null {
  const nhsNumber = subject.identifiers?.nhsNumber;
  if (!nhsNumber) return null;
  const parsed = parseNhsNumber(nhsNumber);
  return parsed.ok ? parsed.value : null;
}
