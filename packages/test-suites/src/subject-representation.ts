import type { AgencyPersonRecord } from "@mash/synthetic-world/types";

/**
 * The `_entities` representation the gateway sends an agency for `<agency>Matches`: the subject's
 * id and the identity fields the field `@requires` from social care, resolved from the subject's
 * social care record, in their GraphQL (serialised) forms.
 */
export function subjectRepresentation(record: AgencyPersonRecord) {
  return {
    __typename: "Subject",
    id: record.recordId,
    name: {
      givenName: record.givenName,
      middleNames: record.middleNames,
      familyName: record.familyName,
    },
    aliases: record.aliases.map(({ givenName, familyName }) => ({ givenName, familyName })),
    dateOfBirth: record.dateOfBirth,
    sex: record.sex.toUpperCase(),
    address: { line1: record.address.line1, postcode: record.address.postcode },
    identifiers: { nhsNumber: record.nhsNumber ?? null },
  };
}
