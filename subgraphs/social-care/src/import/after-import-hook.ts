import type { MatchCounts } from "@mash/runtime/import/agency-import";

/**
 * Social care owns the MASH subjects: its person records are the subjects, so an import has
 * nothing to link and nothing to propose. Matching happens in the other agencies, against these.
 */
export async function matchAfterImport(_personIds: string[]): Promise<MatchCounts> {
  return { linked: 0, proposed: 0 };
}
