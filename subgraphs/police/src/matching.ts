import { agencyMatching } from "@mash/agency-kit/matching/agency-matching";
import { SUBJECT_IDENTITY_SELECTION } from "@mash/agency-kit/matching/subject-identity";
import * as tables from "./db/schema.js";

/**
 * The police's record matching: nominals and their aliases (see docs/matching.md). The force keys
 * a person on the PNC ID, which social care does not hold: it only counts when both sides carry
 * one, so subjects match on name, date of birth and address.
 */
export const policeMatching = agencyMatching({
  tables: {
    person: tables.nominal,
    personId: tables.nominal.id,
    strongIdentifier: tables.nominal.pncId,
    alias: tables.nominalAlias,
    aliasPersonId: tables.nominalAlias.nominalId,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    linkEvent: tables.linkEvent,
    subjectFeed: tables.subjectFeed,
  },
  identitySelection: SUBJECT_IDENTITY_SELECTION,
});
