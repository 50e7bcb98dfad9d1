import { badUserInput } from "./errors.js";

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded. Clients must
 * treat them as opaque; the server rejects anything it did not make.
 */
export function encodeCursor(values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, arity: number, field = "after"): (string | null)[] {
  const malformed = () =>
    badUserInput("The cursor is not one this server issued; use a page's endCursor.", {
      field,
      reason: "MALFORMED_CURSOR",
    });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw malformed();
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === arity &&
    decoded.every((value) => value === null || typeof value === "string");
  if (!valid) throw malformed();
  return decoded as (string | null)[];
}

/** Page sizes are bounded so one request cannot ask for the whole table. */
export function parsePageSize(first: number | null | undefined, fallback = 20, max = 100): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(`first must be between 1 and ${max}`, {
      field: "first",
      reason: "OUT_OF_RANGE",
    });
  }
  return size;
}
