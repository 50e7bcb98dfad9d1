import type { subjectLinkTable } from "@mash/agency-kit/db/subject-link";
import type { Database } from "@mash/platform/db/connect";
import type { TruthLink, World } from "@mash/synthetic-world/types";
import { truthLinks } from "@mash/synthetic-world/world";
import { expect } from "vitest";

/**
 * The links a seeded agency database holds, which linkage made (the seed copies none from ground
 * truth): each is checked against the ground truth (a false link fails the test), and returned as
 * the agency's truth links, so that a test compares the agency's answers with what was linked.
 */
export async function linksMadeByLinkage(
  db: Database<Record<string, unknown>>,
  table: ReturnType<typeof subjectLinkTable>,
  world: World,
  agency: TruthLink["agency"],
): Promise<TruthLink[]> {
  const truth = new Set(
    truthLinks(world)
      .filter((link) => link.agency === agency)
      .map((link) => `${link.subjectId}|${link.recordId}`),
  );
  const rows = await db.select().from(table);
  for (const row of rows) expect(truth.has(`${row.subjectId}|${row.recordId}`)).toBe(true);
  return rows.map((row) => ({ agency, subjectId: row.subjectId, recordId: String(row.recordId) }));
}
