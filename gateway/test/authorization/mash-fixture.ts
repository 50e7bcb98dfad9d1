import type { Holder } from "@mash/schema/authorization/requirement";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { buildASTSchema, parse } from "graphql";

/**
 * A small MASH-shaped schema with the Router's authorization directives: nested objects and
 * lists, non-null fields and list items, an interface whose implementations have different
 * type-level requirements, a union, a type-level requirement on a type returned from two places,
 * a protected interface used in fragments, a mutation, arguments.
 */
export const SDL = /* GraphQL */ `
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @trace(label: String) on FIELD | INLINE_FRAGMENT

  type Query {
    ping: String
    subject(id: ID!): Subject
    subjects(first: Int = 10): SubjectConnection!
    watchlist: [Subject!]
    recentSubjects: [Subject]
    referral(id: ID!): Referral
    documents: [Document!]!
    latestDocument: Document
    search(term: String!): [SearchResult!]
    agencies: [Agency!]!
    me: Practitioner
  }

  type Mutation {
    acknowledgeReferral(id: ID!): Boolean
    addNote(subjectId: ID!, text: String!): Subject @requiresScopes(scopes: [["notes:write"]])
    raiseConcern(subjectId: ID!, summary: String!): SafeguardingConcern
  }

  type SubjectConnection {
    nodes: [Subject!]!
    totalCount: Int
  }

  type Subject {
    id: ID!
    name: String!
    dateOfBirth: String @requiresScopes(scopes: [["subject:dob"]])
    notes: [String!] @requiresScopes(scopes: [["notes:read", "notes:sensitive"], ["notes:admin"]])
    riskRating: Int! @policy(policies: [["risk_assessor"]])
    police: PoliceRecord
    health: HealthRecord
  }

  "Served by the police subgraph: an entity nested in Subject."
  type PoliceRecord {
    reference: String
    intelligence: String @requiresScopes(scopes: [["police:intel"]])
    warningMarkers: [String!]! @requiresScopes(scopes: [["police:markers"]])
  }

  "Protected as a type: every field returning it needs health:read."
  type HealthRecord @requiresScopes(scopes: [["health:read"]]) {
    gpName: String
    diagnoses: [String!]
  }

  type Referral {
    id: ID!
    summary: String
    health: HealthRecord
  }

  interface Document {
    id: ID!
    title: String
    classification: String
  }

  type CaseNote implements Document {
    id: ID!
    title: String
    classification: String
    author: String
  }

  type StrategyMinutes implements Document @requiresScopes(scopes: [["strategy:read"]]) {
    id: ID!
    title: String
    classification: String @policy(policies: [["classified"]])
    attendees: [String!]!
  }

  type SafeguardingConcern @requiresScopes(scopes: [["concern:read"]]) {
    id: ID!
    summary: String
  }

  union SearchResult = Subject | Referral | SafeguardingConcern

  interface Restricted @policy(policies: [["restricted_access"]]) {
    restrictedNote: String
  }

  type Agency implements Restricted {
    name: String!
    restrictedNote: String
  }

  type Practitioner @authenticated {
    id: ID!
    name: String
    caseload: [Subject!]!
  }
`;

const sdlDocument = parse(SDL);
export const schema = buildASTSchema(sdlDocument);
export const index = RequirementIndex.fromSdl(sdlDocument);

export function holder(scopes: readonly string[] = [], policies: readonly string[] = []): Holder {
  return { authenticated: true, scopes: new Set(scopes), policies: new Set(policies) };
}

export const anonymous: Holder = {
  authenticated: false,
  scopes: new Set(),
  policies: new Set(),
};

export const ALL_SCOPES = [
  "subject:dob",
  "notes:read",
  "notes:sensitive",
  "notes:admin",
  "notes:write",
  "police:intel",
  "police:markers",
  "health:read",
  "strategy:read",
  "concern:read",
];
export const ALL_POLICIES = ["risk_assessor", "classified", "restricted_access"];
export const everything = holder(ALL_SCOPES, ALL_POLICIES);

// ---- fixture data, resolved by graphql-js's default resolvers ------------------------------

const alex = {
  __typename: "Subject",
  id: "s1",
  name: "Alex",
  dateOfBirth: "2012-04-01",
  notes: ["school concern"],
  riskRating: 3,
  police: { reference: "P-1", intelligence: "known associate", warningMarkers: ["weapons"] },
  health: { gpName: "Dr Patel", diagnoses: ["asthma"] },
};

const billie = {
  __typename: "Subject",
  id: "s2",
  name: "Billie",
  dateOfBirth: "2015-09-12",
  notes: [],
  riskRating: 1,
  police: null,
  health: null,
};

const referral = {
  __typename: "Referral",
  id: "r1",
  summary: "Referral from school",
  health: { gpName: "Dr Patel", diagnoses: ["asthma"] },
};

const concern = { __typename: "SafeguardingConcern", id: "c1", summary: "Neglect" };

const caseNote = {
  __typename: "CaseNote",
  id: "d1",
  title: "Home visit",
  classification: "OFFICIAL",
  author: "SW Jones",
};

const minutes = {
  __typename: "StrategyMinutes",
  id: "d2",
  title: "Strategy discussion",
  classification: "OFFICIAL-SENSITIVE",
  attendees: ["Police", "Health"],
};

const subjectsById = new Map<string, object>([
  [alex.id, alex],
  [billie.id, billie],
]);

/** Root resolvers: graphql-js calls function-valued properties of the root value with the args. */
export const rootValue = {
  ping: "pong",
  subject: ({ id }: { id: string }) => subjectsById.get(id) ?? null,
  subjects: ({ first }: { first: number }) => ({
    nodes: [alex, billie].slice(0, first),
    totalCount: 2,
  }),
  watchlist: [alex, billie],
  recentSubjects: [alex, billie],
  referral: ({ id }: { id: string }) => (id === referral.id ? referral : null),
  documents: [caseNote, minutes],
  latestDocument: minutes,
  search: () => [alex, referral, concern],
  agencies: [{ name: "Children's Services", restrictedNote: "LADO involved" }],
  me: { id: "p1", name: "SW Jones", caseload: [alex] },
  acknowledgeReferral: () => true,
  addNote: ({ subjectId }: { subjectId: string }) => subjectsById.get(subjectId) ?? null,
  raiseConcern: () => concern,
};
