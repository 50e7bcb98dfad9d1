// The contact the workflow tests and the enquiry page benchmark refer: no test runner in here, so
// a benchmark script can use it too.

/** A social care record the referrer names, as the synthetic world holds it. */
export interface NamedRecord {
  recordId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/** A school's contact about a child and their mother, consent not sought (it could raise the risk). */
export function contactAbout(record: NamedRecord, key: string) {
  return {
    idempotencyKey: key,
    referrer: {
      name: "Emma Lindqvist",
      role: "Designated safeguarding lead",
      organisation: "Synthetic Primary School",
      type: "SCHOOL",
      email: "dsl@school.example",
    },
    subject: {
      givenName: record.givenName,
      familyName: record.familyName,
      dateOfBirth: record.dateOfBirth,
    },
    household: [
      { givenName: "Unknown", familyName: record.familyName, relationshipToSubject: "mother" },
    ],
    concern: "DOMESTIC_ABUSE",
    summary: "The child told a teacher about shouting and a door being broken at home last week.",
    consent: {
      decision: "NOT_SOUGHT",
      reason: "Telling the family could increase the risk to the child.",
    },
  };
}
