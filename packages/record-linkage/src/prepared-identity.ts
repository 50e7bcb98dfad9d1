import { normalisePostcode } from "./compare-addresses.js";
import { parseIsoDate, type Ymd } from "./compare-dates.js";
import type { MatchIdentity } from "./identity.js";
import { normaliseName } from "./normalise-name.js";
import { normaliseAddressLine } from "./street-types.js";

/**
 * One side of a comparison in the form every comparison reads: names, address and date normalised
 * once per identity, not once per pair (a subject is compared with every record in its block, and
 * an import compares each record with many subjects).
 */
export interface PreparedIdentity {
  /** The recorded given name first, then the given names of its aliases: normalised, unique. */
  givenNames: readonly string[];
  /** The recorded family name first, then the family names of its aliases: normalised, unique. */
  familyNames: readonly string[];
  /** The recorded family name, normalised ("" when missing). */
  familyName: string;
  middleNames: readonly string[];
  dateOfBirth: Ymd | null;
  addressLine: string;
  postcode: string;
  sex: string | null;
  strongIdentifier: string | null;
}

function unique(names: readonly (string | null | undefined)[]): string[] {
  return [...new Set(names.map(normaliseName).filter((name) => name.length > 0))];
}

function prepare(identity: MatchIdentity): PreparedIdentity {
  return {
    givenNames: unique([identity.givenName, ...identity.aliases.map((alias) => alias.givenName)]),
    familyNames: unique([
      identity.familyName,
      ...identity.aliases.map((alias) => alias.familyName),
    ]),
    familyName: normaliseName(identity.familyName),
    middleNames: unique(identity.middleNames.flatMap((name) => name.split(/\s+/))),
    dateOfBirth: parseIsoDate(identity.dateOfBirth),
    addressLine: normaliseAddressLine(identity.addressLine1),
    postcode: normalisePostcode(identity.postcode),
    sex: identity.sex ? identity.sex.toLowerCase() : null,
    strongIdentifier: identity.strongIdentifier,
  };
}

// Identities are plain objects that live as long as one matching run: a weak cache lets each be
// prepared once however many pairs it takes part in, and forgets it with the run.
const cache = new WeakMap<MatchIdentity, PreparedIdentity>();

export function prepared(identity: MatchIdentity): PreparedIdentity {
  let result = cache.get(identity);
  if (!result) {
    result = prepare(identity);
    cache.set(identity, result);
  }
  return result;
}
