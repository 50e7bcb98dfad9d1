import type { MatchCounts } from "@mash/runtime/import/agency-import";
import type { ProbationDatabase } from "../loaders.js";

/**
 * Matching after an import: the offenders an import created or changed (by CRN) are matched to MASH
 * subjects. Links nothing yet; the record matching work provides the real function.
 */
export async function matchAfterImport(
  _db: ProbationDatabase,
  crns: string[],
): Promise<MatchCounts> {
  // integration point: matchPeopleAfterImport from src/matching/after-import.ts
  void crns;
  return { linked: 0, proposed: 0 };
}
