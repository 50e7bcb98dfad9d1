import {
  type AfterImportOutcome,
  matchRecordsAfterImport,
} from "@mash/agency-kit/matching/match-after-import";
import type { ProbationDatabase } from "../loaders.js";
import { probationMatchingStore } from "./probation-matching-store.js";

/**
 * For the bulk import: matches newly imported or changed offender records against the MASH subjects
 * probation has seen, linking CERTAIN pairs and proposing the rest to the probation researcher. Linear in
 * the number of records (blocking, a fixed number of statements per 500).
 */
export function matchPeopleAfterImport(
  db: ProbationDatabase,
  agencyPersonIds: string[],
): Promise<{ linked: number; proposed: number }> {
  return matchRecordsAfterImport(probationMatchingStore(db), agencyPersonIds);
}

export type { AfterImportOutcome };
