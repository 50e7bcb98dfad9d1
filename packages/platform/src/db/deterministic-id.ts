import { v5 as uuidv5 } from "uuid";
import { isUuid } from "../graphql/ids.js";

/** Namespace for ids derived from synthetic-world ids (a fixed, project-specific UUID). */
const MASH_GRAPH_NAMESPACE = "0b6f5c7e-9a51-4d0c-8f5e-3f1d2c7a9e42";

/**
 * A stable UUID for a synthetic record: the id itself when it already is one, else a name-based
 * (v5) UUID of it. Reseeding with the same seed therefore gives the same ids.
 */
export function stableUuid(id: string, scope = ""): string {
  return isUuid(id) ? id.toLowerCase() : uuidv5(`${scope}:${id}`, MASH_GRAPH_NAMESPACE);
}
