import type { MashSubjectRow, StoredAlias } from "../db/match-tables.js";
import { normalisePostcode } from "./compare-addresses.js";
import type { AgencyIdentity, MatchIdentity } from "./identity.js";

/**
 * The subject's identity fields as social care resolves them, delivered to an agency subgraph
 * through `@requires`. Any of them may be null: the caller may not see them, or social care may not
 * hold them.
 */
export interface RequiredSubjectIdentity {
  id: string;
  name?: { givenName: string; middleNames?: readonly string[] | null; familyName: string } | null;
  aliases?: readonly { givenName: string; familyName: string }[] | null;
  dateOfBirth?: string | null;
  sex?: string | null;
  address?: { line1: string; postcode: string } | null;
  identifiers?: { nhsNumber?: string | null } | null;
}

/**
 * The identity fields every matching agency compares, as a GraphQL selection on `Subject` (the
 * `@requires` of `<agency>Matches`, and what the subject feed asks for); health adds
 * `identifiers { nhsNumber }`.
 */
export const SUBJECT_IDENTITY_SELECTION =
  "name { givenName middleNames familyName } aliases { givenName familyName } dateOfBirth sex address { line1 postcode }";

/** The subject as the matcher compares it; `strongIdentifier` is the agency's (validated) key. */
export function identityOfSubject(
  subject: RequiredSubjectIdentity,
  strongIdentifier: string | null,
): AgencyIdentity {
  return {
    recordId: subject.id,
    givenName: subject.name?.givenName ?? null,
    middleNames: subject.name?.middleNames ?? [],
    familyName: subject.name?.familyName ?? null,
    aliases: (subject.aliases ?? []).map(({ givenName, familyName }) => ({
      givenName,
      familyName,
    })),
    dateOfBirth: subject.dateOfBirth ?? null,
    sex: subject.sex ? subject.sex.toLowerCase() : null,
    addressLine1: subject.address?.line1 ?? null,
    postcode: subject.address?.postcode ? normalisePostcode(subject.address.postcode) : null,
    strongIdentifier,
  };
}

/** The `mash_subject` row that remembers this identity. */
export function mashSubjectRowOf(identity: AgencyIdentity, now: Date): MashSubjectRow {
  const aliases: StoredAlias[] = identity.aliases.map(({ givenName, familyName }) => ({
    givenName,
    familyName,
  }));
  return {
    subjectId: identity.recordId,
    givenName: identity.givenName,
    middleNames: [...identity.middleNames],
    familyName: identity.familyName,
    aliases,
    dateOfBirth: identity.dateOfBirth,
    sex: identity.sex,
    addressLine1: identity.addressLine1,
    addressPostcode: identity.postcode,
    strongIdentifier: identity.strongIdentifier,
    lastSeenAt: now,
  };
}

/** A stored `mash_subject` back as an identity to match. */
export function identityOfMashSubject(row: MashSubjectRow): AgencyIdentity {
  return {
    recordId: row.subjectId,
    givenName: row.givenName,
    middleNames: row.middleNames,
    familyName: row.familyName,
    aliases: row.aliases,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    addressLine1: row.addressLine1,
    postcode: row.addressPostcode,
    strongIdentifier: row.strongIdentifier,
  };
}

export type { MatchIdentity };
