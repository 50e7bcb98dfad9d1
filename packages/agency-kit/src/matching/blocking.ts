import { normalisePostcode } from "./compare-addresses.js";
import { plausibleDatesOfBirth } from "./compare-dates.js";
import type { MatchIdentity } from "./identity.js";
import { nicknameFamily } from "./nicknames.js";
import { normaliseName } from "./normalise-name.js";

/**
 * Blocking: which agency records are worth scoring for a subject. Each key is one indexed lookup in
 * the agency's table (never a scan): the strong identifier, any plausible date of birth (slips
 * included), the postcode, or the pair (family name, given name) in any known form. A record is a
 * candidate when it shares at least one key with the subject.
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

export function blockingKeysFor(subject: MatchIdentity): BlockingKeys {
  const postcode = normalisePostcode(subject.postcode);
  return {
    strongIdentifiers: subject.strongIdentifier ? [subject.strongIdentifier] : [],
    datesOfBirth: plausibleDatesOfBirth(subject.dateOfBirth),
    postcodes: postcode ? [postcode] : [],
    familyNames: familyNamesOf(subject),
    givenNames: givenNamesOf(subject),
  };
}

/**
 * The same keys as strings, for an in-memory index (the quality test, and splitting one batched
 * query's rows back to the subjects that asked): a record belongs to a subject's block when the
 * two share a string.
 */
export function blockKeyStrings(keys: BlockingKeys): string[] {
  const names = keys.familyNames.flatMap((family) =>
    keys.givenNames.map((given) => `name:${family}|${given}`),
  );
  return [
    ...keys.strongIdentifiers.map((id) => `id:${id}`),
    ...keys.datesOfBirth.map((date) => `dob:${date}`),
    ...keys.postcodes.map((postcode) => `postcode:${postcode}`),
    ...names,
  ];
}

/** The keys under which an agency record is filed: its own values only, no variants. */
export function recordKeyStrings(record: MatchIdentity): string[] {
  const postcode = normalisePostcode(record.postcode);
  const family = normaliseName(record.familyName);
  const given = normaliseName(record.givenName);
  const keys: string[] = [];
  if (record.strongIdentifier) keys.push(`id:${record.strongIdentifier}`);
  if (record.dateOfBirth) keys.push(`dob:${record.dateOfBirth}`);
  if (postcode) keys.push(`postcode:${postcode}`);
  if (family && given) keys.push(`name:${family}|${given}`);
  return keys;
}
