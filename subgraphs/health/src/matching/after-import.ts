import {
  type AfterImportOutcome,
  matchRecordsAfterImport,
} from "@mash/agency-kit/matching/match-after-import";
import type { HealthDatabase } from "../loaders.js";
import { healthMatchingStore } from "./health-matching-store.js";

/**
 * For the bulk import: matches newly imported or changed patients against the MASH subjects
 * health has seen, linking CERTAIN pairs and proposing the rest to the health researcher. Linear in
 * the number of records (blocking, a fixed number of statements per 500).
 */
export function matchPeopleAfterImport(
  db: HealthDatabase,
  agencyPersonIds: string[],
): Promise<{ linked: number; proposed: number }> {
  return matchRecordsAfterImport(healthMatchingStore(db), agencyPersonIds);
}

export type { AfterImportOutcome };
