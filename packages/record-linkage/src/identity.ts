/**
 * A person as one side of a comparison describes them: the MASH subject as social care records it,
 * or one agency's person record. Every field may be missing: referrals are often incomplete.
 */
export interface MatchIdentity {
  givenName: string | null;
  middleNames: readonly string[];
  familyName: string | null;
  /** Other names the person is or was known by (previous surnames, nicknames). */
  aliases: readonly { givenName: string; familyName: string }[];
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string | null;
  sex: string | null;
  addressLine1: string | null;
  postcode: string | null;
  /**
   * The strong identifier the agency keys on, in canonical form (NHS number for health, PNC ID for
   * police, CRN for probation), when this side holds it.
   */
  strongIdentifier: string | null;
}

/** An agency's person record, with the id the agency holds it under. */
export interface AgencyIdentity extends MatchIdentity {
  recordId: string;
}
