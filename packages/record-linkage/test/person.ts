import type { MatchIdentity } from "../src/identity.js";

/** A person as one side of a comparison; each test changes what it is about. */
export function person(overrides: Partial<MatchIdentity> = {}): MatchIdentity {
  return {
    givenName: "William",
    middleNames: [],
    familyName: "Smith-Jones",
    aliases: [],
    dateOfBirth: "2012-03-04",
    sex: "male",
    addressLine1: "14 Elm Grove",
    postcode: "LS6 2AB",
    strongIdentifier: null,
    ...overrides,
  };
}
