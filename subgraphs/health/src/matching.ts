import { agencyMatching } from "@mash/agency-kit/matching/agency-matching";
import {
  type RequiredSubjectIdentity,
  SUBJECT_IDENTITY_SELECTION,
} from "@mash/agency-kit/matching/subject-identity";
import { parseNhsNumber } from "@mash/uk-identifiers/nhs-number";
import * as tables from "./db/schema.js";

/**
 * Health's record matching: patients and their aliases, keyed on the NHS number (see
 * docs/matching.md). Social care's NHS number counts when it validates; a malformed one is ignored
 * rather than failing the subject's whole match.
 */
export const healthMatching = agencyMatching({
  tables: {
    person: tables.patient,
    personId: tables.patient.id,
    strongIdentifier: tables.patient.nhsNumber,
    alias: tables.patientAlias,
    aliasPersonId: tables.patientAlias.patientId,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    linkEvent: tables.linkEvent,
    subjectFeed: tables.subjectFeed,
  },
  strongIdentifierOfSubject: (subject: RequiredSubjectIdentity) => {
    const nhsNumber = subject.identifiers?.nhsNumber;
    if (!nhsNumber) return null;
    const parsed = parseNhsNumber(nhsNumber);
    return parsed.ok ? parsed.value : null;
  },
  identitySelection: `${SUBJECT_IDENTITY_SELECTION} identifiers { nhsNumber }`,
});
