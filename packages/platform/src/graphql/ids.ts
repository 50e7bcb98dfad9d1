import { badUserInput } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Checks an id argument before it reaches SQL, so a malformed id is the caller's error (with the
 * argument named) rather than a database cast failure. Returns it lower-cased.
 */
export function parseUuidArgument(value: string, field: string, typeName: string): string {
  if (!isUuid(value)) {
    throw badUserInput(`${typeName} id must be a UUID, e.g. 3f2c…-…; got a malformed value`, {
      field,
      reason: "MALFORMED_ID",
    });
  }
  return value.toLowerCase();
}

/**
 * `Subject.__resolveReference` for an agency that extends the subject social care owns. Only the id
 * is needed, so no query is made: the agency cannot tell whether a subject exists, and a well-formed
 * id it holds no link for is a subject it does not know (`known: false`), not an error.
 */
export function subjectReference(reference: { id: string }): { id: string } {
  return entityReference("Subject")(reference);
}

/** The same for any entity another subgraph owns and this one extends by id (e.g. `Enquiry`). */
export function entityReference(typeName: string) {
  return (reference: { id: string }): { id: string } => ({
    id: parseUuidArgument(reference.id, "representations.id", typeName),
  });
}
