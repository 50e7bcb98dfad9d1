import DataLoader from "dataloader";

/**
 * A DataLoader for one-to-many lookups: one SQL statement fetches the rows for every key asked for
 * in the same tick, and each key gets its own (possibly empty) list back, in key order.
 */
export function manyByKey<K, R>(
  fetchRows: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(async (keys) => {
    const rows = await fetchRows(keys);
    const byKey = new Map<K, R[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** A DataLoader for one-to-one lookups: `null` for keys with no row. */
export function oneByKey<K, R>(
  fetchRows: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(async (keys) => {
    const rows = await fetchRows(keys);
    const byKey = new Map<K, R>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Loads the lists for several keys (e.g. all of one subject's agency records) and flattens them. */
export async function loadAllFor<K, R>(
  loader: DataLoader<K, R[]>,
  keys: readonly K[],
): Promise<R[]> {
  if (keys.length === 0) return [];
  const lists = await loader.loadMany(keys);
  return lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
}
