import type { MatchCounts } from "@mash/runtime/import/agency-import";
import type { PoliceDatabase } from "../loaders.js";

/**
 * Matching after an import: the nominals an import created or changed are matched to MASH subjects.
 * Links nothing yet; the record matching work provides the real function.
 */
export async function matchAfterImport(
  _db: PoliceDatabase,
  nominalIds: string[],
): Promise<MatchCounts> {
  // integration point: matchPeopleAfterImport from src/matching/after-import.ts
  void nominalIds;
  return { linked: 0, proposed: 0 };
}
