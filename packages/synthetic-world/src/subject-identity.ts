import type { AgencyPersonRecord } from "./types.js";

/**
 * A MASH subject's identity as social care records it and serves it through the graph (the fields
 * `Subject.<agency>Matches` requires), from the subject's social care record: what an agency learns
 * about each subject, never who the subject truly is.
 */
export function subjectIdentityOf(record: AgencyPersonRecord) {
  return {
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
