import type { MatchCounts } from "@mash/runtime/import/agency-import";
import type { HealthDatabase } from "../loaders.js";

/**
 * Matching after an import: the patients an import created or changed are matched to MASH subjects.
 * Links nothing yet; the record matching work provides the real function.
 */
export async function matchAfterImport(
  _db: HealthDatabase,
  patientIds: string[],
): Promise<MatchCounts> {
  // integration point: matchPeopleAfterImport from src/matching/after-import.ts
  void patientIds;
  return { linked: 0, proposed: 0 };
}
