import { matchesLoader } from "@mash/agency-kit/matching/matches-loader";
import type { PoliceDatabase } from "../loaders.js";
import { policeMatchingStore } from "./police-matching-store.js";

/** `Subject.policeMatches`, batched per request (see `matchesLoader`). */
export function policeMatchesLoader(db: PoliceDatabase, now: () => Date) {
  // Social care holds no PNC ID, so the police match on name, date of birth and address.
  return matchesLoader(policeMatchingStore(db), now, () => null);
}
