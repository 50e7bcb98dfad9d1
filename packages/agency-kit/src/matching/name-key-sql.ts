import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { normaliseName } from "./normalise-name.js";

/**
 * The letters `normaliseName` folds to one plain letter (é → E, Ł → L, ø → O), derived from it over
 * Latin-1 and Latin Extended-A/B so the SQL below and the matcher's normal form cannot drift apart,
 * and the punctuation it drops ('’.).
 */
function foldTable(): { from: string; to: string } {
  let from = "";
  let to = "";
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const folded = normaliseName(letter);
    if (/^[A-Z]$/.test(folded)) {
      from += letter;
      to += folded;
    }
  }
  // Characters without a partner in `to` are deleted by translate().
  return { from: `${from}'’.`, to };
}

const FOLD = foldTable();
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A name column in the matcher's normal form, in SQL: accents folded, apostrophes and full stops
 * dropped, upper case (after folding: `upper` of a non-ASCII letter depends on the collation). The
 * same expression is each person table's and alias table's name index, so blocking on
 * "ZOE O'BRIEN" finds a record typed "Zoë OBrien" by an index lookup. Constants are written into
 * the SQL, never parameters, so a query's expression is the index's.
 */
export function nameKey(column: AnyColumn | SQL): SQL {
  return sql`upper(translate(${column}, ${sql.raw(quoted(FOLD.from))}, ${sql.raw(quoted(FOLD.to))}))`;
}
