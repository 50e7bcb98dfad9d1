import { ApolloClient, CombinedGraphQLErrors, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { EXAMPLE_OPERATIONS } from "@mash/gateway/playground/example-operations";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import { beforeAll, describe, expect, it } from "vitest";
import { PersonaSession } from "../support/personas.js";
import { sharedStack } from "../support/shared-stack.js";

/**
 * A front end's view: Apollo Client, as any web app would use it, against the running gateway
 * with its default, enforcing configuration. The query is the playground's case picture (fragments
 * and variables); the token and purpose travel as headers on the link.
 */

const CASE_PICTURE_EXAMPLE = EXAMPLE_OPERATIONS.find((e) => e.operationName === "CasePicture");
if (!CASE_PICTURE_EXAMPLE) throw new Error("the playground has no CasePicture example");
const CASE_PICTURE = gql(CASE_PICTURE_EXAMPLE.query);

interface Sections {
  socialCare: {
    known: boolean | null;
    summary: { contactCount: number } | null;
    contacts: { receivedAt: string }[] | null;
  } | null;
  police: { known: boolean | null; summary: { offenceCount: number } | null } | null;
}
interface Person extends Sections {
  id: string;
  name: { givenName: string; familyName: string } | null;
}
interface CasePicture {
  subject: (Person & { household: { members: Person[] } | null }) | null;
}

function clientFor(session: PersonaSession) {
  return new ApolloClient({
    link: new HttpLink({ uri: session.gatewayUrl, headers: session.headers() }),
    cache: new InMemoryCache(),
  });
}

describe("Apollo Client against the gateway", () => {
  // Authorization does not depend on the database engine: the shared system on PGlite.
  const stack = sharedStack();
  let socialWorker: PersonaSession;
  let policeOfficer: PersonaSession;
  let subjectId: string;

  beforeAll(async () => {
    socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    policeOfficer = await PersonaSession.signIn(stack.gatewayUrl, "police-officer");
    // An enquiry both practitioners work on: the same subject, seen by two roles.
    const shared = socialWorker.enquiries.find((enquiry) =>
      policeOfficer.enquiries.some((other) => other.id === enquiry.id),
    );
    if (!shared) throw new Error("the seed has no enquiry both personas work on");
    socialWorker.declarePurpose(shared);
    policeOfficer.declarePurpose(shared);
    subjectId = shared.subjectId;
  });

  it("gets the whole case picture as a social worker, through fragments and variables", async () => {
    const result = await clientFor(socialWorker).query<CasePicture>({
      query: CASE_PICTURE,
      variables: { subjectId },
    });
    expect(result.error).toBeUndefined();
    const subject = result.data?.subject;
    expect(subject?.id).toBe(subjectId);
    expect(subject?.name?.familyName).toEqual(expect.any(String));
    expect(subject?.socialCare?.contacts).toEqual(expect.any(Array));
    expect(subject?.household?.members.map((member) => member.id)).toContain(subjectId);
  });

  it("with errorPolicy 'all', returns what a police officer may see, and an error per denied path", async () => {
    const result = await clientFor(policeOfficer).query<CasePicture>({
      query: CASE_PICTURE,
      variables: { subjectId },
      errorPolicy: "all",
    });
    const subject = result.data?.subject;
    // Allowed: identity, social care's summary, the police's own section.
    expect(subject?.name?.familyName).toEqual(expect.any(String));
    expect(subject?.socialCare?.summary?.contactCount).toEqual(expect.any(Number));
    expect(subject?.police?.summary?.offenceCount).toEqual(expect.any(Number));
    // Denied: social care's records, null in place, the rest of the picture intact.
    expect(subject?.socialCare?.contacts).toBeNull();
    for (const member of subject?.household?.members ?? []) {
      expect(member.socialCare?.contacts ?? null).toBeNull();
    }

    expect(CombinedGraphQLErrors.is(result.error)).toBe(true);
    const errors = CombinedGraphQLErrors.is(result.error) ? result.error.errors : [];
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((error) => error.extensions?.code))).toEqual(
      new Set([UNAUTHORIZED_FIELD_OR_TYPE]),
    );
    const paths = errors.map((error) => (error.path ?? []).join("."));
    expect(paths).toContain("subject.socialCare.contacts");
    expect(
      paths.some((path) =>
        /^subject\.household\.members\.(@|\d+)\.socialCare\.contacts$/.test(path),
      ),
    ).toBe(true);
  });

  it("with the default errorPolicy, rejects the query; the errors and the partial answer ride on the error", async () => {
    const query = clientFor(policeOfficer).query<CasePicture>({
      query: CASE_PICTURE,
      variables: { subjectId },
    });
    const error = await query.then(
      () => expect.unreachable("the query should have been rejected"),
      (rejection: unknown) => rejection,
    );
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    if (!CombinedGraphQLErrors.is(error)) return;
    expect(error.errors.every((item) => item.extensions?.code === UNAUTHORIZED_FIELD_OR_TYPE)).toBe(
      true,
    );
    expect(error.message).toContain("Unauthorized field or type");
    // The client hands no data to the caller, but the error keeps the response's own.
    expect(error.data).toMatchObject({
      subject: { id: subjectId, socialCare: { contacts: null } },
    });
  });
});
