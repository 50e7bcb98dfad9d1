import type { AgencyIdentity } from "@mash/record-linkage/identity";
import type { AgencyName, AgencyPersonRecord } from "@mash/synthetic-world/types";

/** The agencies that match their records against MASH subjects. */
export type MatchingAgency = Exclude<AgencyName, "socialCare">;

/** The identifier each agency keys its person records on. */
export function strongIdentifierOf(
  record: AgencyPersonRecord,
  agency: MatchingAgency,
): string | null {
  switch (agency) {
    case "health":
      return record.nhsNumber ?? null;
    case "police":
      return record.pncId ?? null;
    case "probation":
      return record.crn ?? null;
  }
}

/**
 * A synthetic record as the matcher sees it. For a social care record (the MASH subject) the strong
 * identifier is the one the matching agency keys on, when social care holds it.
 */
export function matchIdentityOf(
  record: AgencyPersonRecord,
  agency: MatchingAgency,
): AgencyIdentity {
  return {
    recordId: record.recordId,
    givenName: record.givenName,
    middleNames: record.middleNames,
    familyName: record.familyName,
    aliases: record.aliases,
    dateOfBirth: record.dateOfBirth,
    sex: record.sex,
    addressLine1: record.address.line1,
    postcode: record.address.postcode,
    strongIdentifier: strongIdentifierOf(record, agency),
  };
}
