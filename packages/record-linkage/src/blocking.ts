import { normalisePostcode } from "./compare-addresses.js";
import { plausibleDatesOfBirth } from "./compare-dates.js";
import type { MatchIdentity } from "./identity.js";
import { nicknameFamily } from "./nicknames.js";
import { normaliseName } from "./normalise-name.js";

/**
 * Blocking: which records are worth scoring for a person. Each key is one indexed lookup (never a
 * scan): the strong identifier, any plausible date of birth (slips included), the postcode, or the
 * pair (family name, given name) in any known form, as recorded or the other way round. A record
 * is a candidate when it shares at least one key with the person.
 */
export interface BlockingKeys {
  strongIdentifiers: string[];
  datesOfBirth: string[];
  postcodes: string[];
  /** Upper-case normalised family names (current and previous, and each part of a double-barrel). */
  familyNames: string[];
  /** Upper-case normalised given names, with their conventional nicknames. */
  givenNames: string[];
}

function familyNamesOf(person: MatchIdentity): string[] {
  const names = [person.familyName, ...person.aliases.map((alias) => alias.familyName)]
    .map(normaliseName)
    .filter((name) => name.length > 0);
  const withParts = names.flatMap((name) => [name, ...name.split(/[- ]/)]);
  return [...new Set(withParts.filter((name) => name.length > 1))];
}

function givenNamesOf(person: MatchIdentity): string[] {
  const names = [person.givenName, ...person.aliases.map((alias) => alias.givenName)]
    .map(normaliseName)
    .filter((name) => name.length > 0);
  return [...new Set(names.flatMap(nicknameFamily))];
}

export function blockingKeysFor(person: MatchIdentity): BlockingKeys {
  const postcode = normalisePostcode(person.postcode);
  return {
    strongIdentifiers: person.strongIdentifier ? [person.strongIdentifier] : [],
    datesOfBirth: plausibleDatesOfBirth(person.dateOfBirth),
    postcodes: postcode ? [postcode] : [],
    familyNames: familyNamesOf(person),
    givenNames: givenNamesOf(person),
  };
}

/**
 * The same keys as strings, for an in-memory index (the quality test, and splitting one batched
 * query's rows back to the people that asked): a record belongs to a person's block when the two
 * share a string. Names are keyed in both orders, so a record with given and family name swapped
 * is in the block.
 */
export function blockKeyStrings(keys: BlockingKeys): string[] {
  const names = keys.familyNames.flatMap((family) =>
    keys.givenNames.flatMap((given) => [`name:${family}|${given}`, `name:${given}|${family}`]),
  );
  return [
    ...keys.strongIdentifiers.map((id) => `id:${id}`),
    ...keys.datesOfBirth.map((date) => `dob:${date}`),
    ...keys.postcodes.map((postcode) => `postcode:${postcode}`),
    ...names,
  ];
}

/** The keys under which a record is filed: its own values (its names and its aliases' names), no variants. */
export function recordKeyStrings(record: MatchIdentity): string[] {
  const postcode = normalisePostcode(record.postcode);
  const keys: string[] = [];
  if (record.strongIdentifier) keys.push(`id:${record.strongIdentifier}`);
  if (record.dateOfBirth) keys.push(`dob:${record.dateOfBirth}`);
  if (postcode) keys.push(`postcode:${postcode}`);
  for (const name of [record, ...record.aliases]) {
    const family = normaliseName(name.familyName);
    const given = normaliseName(name.givenName);
    if (family && given) keys.push(`name:${family}|${given}`);
  }
  return [...new Set(keys)];
}
