import { subjectIdentityOf } from "./subject-identity.js";
import type { World } from "./types.js";
import { generateWorld } from "./world.js";

/** What linkage reports when it has linked an agency's records to the subjects. */
interface LinkageOutcome {
  linked: number;
  proposed: number;
}

/** An agency's seed from the world: development and tests only, like the world itself. */
export interface WorldSeed<TDb> {
  /** Writes what the agency would hold of the world (in one transaction); rows per table. */
  insert(db: TDb, world: World): Promise<Record<string, number>>;
  /** A matching agency's linkage, given social care's subjects as the graph serves them. */
  linkAll?(db: TDb, subjects: ReturnType<typeof subjectIdentityOf>[]): Promise<LinkageOutcome>;
}

/**
 * Generates the world for `options` and fills an agency's empty database from it. No link comes
 * from the world's ground truth: a matching agency learns social care's subjects as the graph
 * serves them, and its linkage links its records the way it does after an import.
 */
export async function seedFromWorld<TDb>(
  db: TDb,
  options: { seed: number; subjects: number },
  { insert, linkAll }: WorldSeed<TDb>,
): Promise<Record<string, number>> {
  const world = generateWorld({ seed: options.seed, subjects: options.subjects });
  const counts = await insert(db, world);
  if (!linkAll) return counts;
  const linkage = await linkAll(db, world.records.socialCare.map(subjectIdentityOf));
  return { ...counts, linked: linkage.linked, proposed: linkage.proposed };
}
