import { inArray, or } from "drizzle-orm";
import { person } from "../db/schema.js";
import type { SocialCareDatabase } from "../loaders.js";
import type { ValidPerson } from "./contact-validation.js";

type Queryable = Pick<SocialCareDatabase, "select">;

/**
 * Finds social care's person record for each person a contact names, in one statement: the same
 * NHS number, or exactly the same names (any case) and date of birth. Deliberately strict: a
 * missed match only means a new record when the enquiry opens, while a false match would attach a
 * stranger's history. Fuzzy record matching with confidence is its own piece of work.
 */
export async function matchPeople(
  db: Queryable,
  people: readonly ValidPerson[],
): Promise<(string | null)[]> {
  const nhsNumbers = people.flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : []));
  const birthDates = people.flatMap((p) => (p.dateOfBirth ? [p.dateOfBirth] : []));
  if (nhsNumbers.length === 0 && birthDates.length === 0) return people.map(() => null);
  const conditions = [
    ...(nhsNumbers.length ? [inArray(person.nhsNumber, nhsNumbers)] : []),
    ...(birthDates.length ? [inArray(person.dateOfBirth, birthDates)] : []),
  ];
  const candidates = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber,
    })
    .from(person)
    .where(or(...conditions));
  return people.map((wanted) => {
    const byNhs = wanted.nhsNumber
      ? candidates.filter((c) => c.nhsNumber === wanted.nhsNumber)
      : [];
    if (byNhs.length === 1) return byNhs[0]?.id ?? null;
    const byName = candidates.filter(
      (c) =>
        wanted.dateOfBirth !== null &&
        c.dateOfBirth === wanted.dateOfBirth &&
        c.givenName.toLowerCase() === wanted.givenName.toLowerCase() &&
        c.familyName.toLowerCase() === wanted.familyName.toLowerCase(),
    );
    // Two records with the same name and birth date: ambiguous, so no match.
    return byName.length === 1 ? (byName[0]?.id ?? null) : null;
  });
}
