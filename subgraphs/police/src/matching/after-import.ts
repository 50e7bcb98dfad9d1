import {
  type AfterImportOutcome,
  matchRecordsAfterImport,
} from "@mash/agency-kit/matching/match-after-import";
import type { PoliceDatabase } from "../loaders.js";
import { policeMatchingStore } from "./police-matching-store.js";

/**
 * For the bulk import: matches newly imported or changed nominals against the MASH subjects the
 * force has seen, linking CERTAIN pairs and proposing the rest to the police researcher. Linear in
 * the number of nominals (blocking, a fixed number of statements per 500).
 */
export function matchPeopleAfterImport(
  db: PoliceDatabase,
  agencyPersonIds: string[],
): Promise<{ linked: number; proposed: number }> {
  return matchRecordsAfterImport(policeMatchingStore(db), agencyPersonIds);
}

export type { AfterImportOutcome };
