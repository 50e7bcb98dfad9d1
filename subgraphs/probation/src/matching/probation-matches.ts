import { matchesLoader } from "@mash/agency-kit/matching/matches-loader";
import type { ProbationDatabase } from "../loaders.js";
import { probationMatchingStore } from "./probation-matching-store.js";

/** `Subject.probationMatches`, batched per request (see `matchesLoader`). */
export function probationMatchesLoader(db: ProbationDatabase, now: () => Date) {
  // Social care holds no CRN, so probation matches on name, date of birth and address.
  return matchesLoader(probationMatchingStore(db), now, () => null);
}
