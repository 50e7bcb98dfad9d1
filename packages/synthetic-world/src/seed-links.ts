import type { TruthLink, World } from "./types.js";
import { truthLinks } from "./world.js";

/** A `subject_link` row as a seed inserts it (the link time defaults to the insert). */
export interface SeedLinkRow {
  subjectId: string;
  recordId: string;
  source: "seed_ground_truth";
}

/**
 * The `subject_link` rows one agency seeds: a link from each of its records whose person social
 * care knows to that person's MASH subject. Agencies never see ground truth; seeding links from it
 * stands in for matching done earlier, and `seed_ground_truth` says so on every row.
 */
export function seedLinkRows(world: World, agency: TruthLink["agency"]): SeedLinkRow[] {
  return truthLinks(world)
    .filter((link) => link.agency === agency)
    .map((link) => ({
      subjectId: link.subjectId,
      recordId: link.recordId,
      source: "seed_ground_truth",
    }));
}
