/**
 * The operations the playground opens with, one tab each, in this order. A test validates every
 * one against the supergraph's API schema, so an example that names a field the graph no longer
 * has fails CI rather than greeting a developer with an error.
 */
export interface ExampleOperation {
  /** The operation's name; GraphiQL titles the tab with it. */
  operationName: string;
  /** One line on what it shows, for the guide and the tab's leading comment. */
  summary: string;
  /** The document: the operation and the fragments it spreads. */
  query: string;
  /** What the variables editor starts with. */
  variables?: Record<string, unknown>;
}

/**
 * Variables the persona picker fills in when a purpose is chosen: the subject of the chosen
 * enquiry. An example that declares one of these gets the chosen subject without any typing.
 */
export const PURPOSE_SUBJECT_VARIABLE = "subjectId";

const CASE_PICTURE = `# The case picture: the enquiry's subject and their household,
# as each agency knows them. Choose a persona and a purpose
# above: the purpose fills in $subjectId. Ask again as another
# persona: what that role may not see comes back null, with an
# UNAUTHORIZED_FIELD_OR_TYPE error.
query CasePicture($subjectId: ID!) {
  subject(id: $subjectId) {
    ...Person
    ...AgencySections
    household {
      members {
        ...Person
        ...AgencySections
      }
    }
  }
}

fragment Person on Subject {
  id
  name {
    givenName
    familyName
  }
  dateOfBirth
  address {
    postcode
  }
}

fragment AgencySections on Subject {
  socialCare {
    ...SocialCarePart
  }
  police {
    ...PolicePart
  }
  health {
    ...HealthPart
  }
  probation {
    ...ProbationPart
  }
}

fragment SocialCarePart on SocialCareSection {
  known
  summary {
    contactCount
    onChildProtectionPlan
    lookedAfter
  }
  contacts {
    receivedAt
    concern
    outcome
  }
}

fragment PolicePart on PoliceSection {
  known
  summary {
    domesticAbuseIncidentCount
    latestDashRisk
    offenceCount
  }
}

fragment HealthPart on HealthSection {
  known
  summary {
    activeCpisFlag
    unscheduledCareAttendancesInLast12Months
  }
}

fragment ProbationPart on ProbationSection {
  known
  summary {
    underSupervision
    currentMappa {
      category
      level
    }
    currentRoshOverall
  }
}
`;

const MY_ENQUIRIES = `# The MASH enquiries you take part in: the purposes you may
# declare (the x-mash-purpose header; the picker above sets it).
query MyEnquiries {
  myEnquiries {
    id
    status
    openedAt
    subject {
      id
      name {
        givenName
        familyName
      }
    }
  }
}
`;

const DECLARE_BREAK_GLASS = `# Break-glass: the most restricted items (a placement address,
# CAMHS notes, a protected person) need a grant, recorded with
# your reason for the data protection officer to review. Needs
# a purpose, and a role that may declare it (not the police).
mutation DeclareBreakGlass($subjectId: ID!) {
  declareBreakGlass(
    input: {
      subjectId: $subjectId
      reason: "Strategy discussion today: the current placement address is needed."
      minutes: 15
    }
  ) {
    id
    subjectId
    expiresAt
  }
}
`;

const WORK_QUEUE = `# The MASH work queue: overdue first, then RED first, then by
# deadline. Add agency: POLICE (or HEALTH, …) for the enquiries
# whose checks that agency still owes. As a MASH team persona.
query WorkQueue {
  workQueue(first: 20) {
    id
    status
    version
    rating
    checksRequestedAt
    checksDueAt
    overdue
    subject {
      id
      name {
        givenName
        familyName
      }
    }
    ratingHistory {
      from
      to
      rationale
      changedAt
    }
  }
}
`;

const TAKE_UP_AGENCY_CHECK = `# A police, health or probation practitioner (or another MASH
# social worker) takes up their agency's check on an enquiry
# from the work queue: it joins myEnquiries, and may then be
# declared as the purpose to answer the check under. Paste an
# enquiry id from WorkQueue. Taking it up twice is harmless.
mutation TakeUpAgencyCheck($enquiryId: ID!) {
  takeUpAgencyCheck(input: { enquiryId: $enquiryId }) {
    id
    status
    rating
    checksDueAt
  }
}
`;

const SUBMIT_CONTACT = `# A referrer (the referrer persona) tells the MASH about a
# concern. Retrying with the same idempotencyKey never creates a
# second contact. Follow it afterwards with myContacts.
mutation SubmitContact($input: SubmitContactInput!) {
  submitContact(input: $input) {
    id
    status
    receivedAt
    outcome
    feedback
  }
}
`;

const RECORD_DECISION = `# The MASH manager decides a rated enquiry. Pass the version you
# read (STALE_VERSION if someone changed it since) and, as
# checksBasis, the token of enquiry(id) { decisionBasis { token } }:
# social care derives the outstanding checks from the agencies'
# statuses. With checks outstanding, say why you decide now.
mutation RecordDecision($input: DecideEnquiryInput!) {
  decideEnquiry(input: $input) {
    id
    status
    version
    decision {
      outcome
      rationale
      referrerFeedback
      decidedBy
      decidedAt
    }
  }
}
`;

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    operationName: "CasePicture",
    summary: "The enquiry's subject and household, with each agency's section",
    query: CASE_PICTURE,
    variables: { [PURPOSE_SUBJECT_VARIABLE]: "" },
  },
  {
    operationName: "MyEnquiries",
    summary: "The enquiries you take part in: the purposes you may declare",
    query: MY_ENQUIRIES,
  },
  {
    operationName: "DeclareBreakGlass",
    summary: "Declare break-glass access to a subject's restricted items",
    query: DECLARE_BREAK_GLASS,
    variables: { [PURPOSE_SUBJECT_VARIABLE]: "" },
  },
  {
    operationName: "WorkQueue",
    summary: "The MASH work queue: overdue first, then by rating and deadline",
    query: WORK_QUEUE,
  },
  {
    operationName: "TakeUpAgencyCheck",
    summary: "An agency practitioner takes up their check on an enquiry from the queue",
    query: TAKE_UP_AGENCY_CHECK,
    variables: { enquiryId: "" },
  },
  {
    operationName: "SubmitContact",
    summary: "A referrer submits a concern to the MASH",
    query: SUBMIT_CONTACT,
    variables: {
      input: {
        idempotencyKey: "playground-example-0001",
        referrer: {
          name: "Emma Lindqvist",
          role: "Designated safeguarding lead",
          organisation: "Synthetic Primary School",
          type: "SCHOOL",
          email: "dsl@school.example",
        },
        subject: { givenName: "Alex", familyName: "Example", dateOfBirth: "2017-03-14" },
        household: [{ givenName: "Sam", familyName: "Example", relationshipToSubject: "mother" }],
        concern: "NEGLECT",
        summary: "Alex has come to school hungry and unwashed most days for two weeks.",
        consent: { decision: "GIVEN" },
      },
    },
  },
  {
    operationName: "RecordDecision",
    summary: "The MASH manager records the decision on a rated enquiry",
    query: RECORD_DECISION,
    variables: {
      input: {
        enquiryId: "",
        expectedVersion: 2,
        outcome: "EARLY_HELP",
        rationale: "Needs are met by early help; no risk of significant harm found.",
        referrerFeedback: "Early help will contact the family this week.",
        checksBasis: "",
      },
    },
  },
];
