import type { Database } from "@mash/platform/db/connect";
import { columnOf, keyIn } from "./key-condition.js";
import type { RecordReference, RecordType } from "./record-type.js";

/** "nominal\u0000NOM0000001": a record's identity across types. */
export function recordKey(recordType: string, id: string): string {
  return `${recordType}\u0000${id}`;
}

/**
 * Which of these references name a record already in the database: one statement per referred-to
 * type for a whole batch. (Earlier lines of the same batch are checked by the caller.)
 */
export async function referencesInDatabase<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  recordTypes: ReadonlyMap<string, RecordType>,
  references: readonly RecordReference[],
): Promise<Set<string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const reference of references) {
    const ids = idsByType.get(reference.recordType) ?? new Set<string>();
    idsByType.set(reference.recordType, ids);
    ids.add(reference.id);
  }
  const found = new Set<string>();
  for (const [type, ids] of idsByType) {
    const target = recordTypes.get(type);
    if (!target) throw new Error(`A reference names the unknown record type "${type}"`);
    // References name records with a single-column key (their id); no type refers to a composite.
    const [keyField] = target.key;
    if (!keyField || target.key.length !== 1) throw new Error(`"${type}" cannot be referred to`);
    const column = columnOf(target.table, keyField);
    const rows: Record<string, unknown>[] = await db
      .select({ id: column })
      .from(target.table)
      .where(
        keyIn(
          target.table,
          target.key,
          [...ids].map((id) => [id]),
        ),
      );
    for (const row of rows) found.add(recordKey(type, String(row.id)));
  }
  return found;
}
