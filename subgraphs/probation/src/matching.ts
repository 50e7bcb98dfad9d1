import { agencyMatching } from "@mash/agency-kit/matching/agency-matching";
import { SUBJECT_IDENTITY_SELECTION } from "@mash/agency-kit/matching/subject-identity";
import * as tables from "./db/schema.js";

/**
 * Probation's record matching: offender records and their aliases (see docs/matching.md). Social
 * care holds no CRN, so subjects match on name, date of birth and address.
 */
export const probationMatching = agencyMatching({
  tables: {
    person: tables.offender,
    personId: tables.offender.crn,
    strongIdentifier: tables.offender.crn,
    alias: tables.offenderAlias,
    aliasPersonId: tables.offenderAlias.crn,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    linkEvent: tables.linkEvent,
    subjectFeed: tables.subjectFeed,
  },
  identitySelection: SUBJECT_IDENTITY_SELECTION,
});
