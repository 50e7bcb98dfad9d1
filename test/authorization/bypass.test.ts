import { readFile } from "node:fs/promises";
import { DEV_PUBLIC_JWKS_PATH } from "@mash/gateway/auth/auth-config";
import { issueDevToken } from "@mash/gateway/dev/issue-token";
import { loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner } from "@mash/platform/auth/gateway-token";
import { UNAUTHORIZED_FIELD_OR_TYPE } from "@mash/platform/authorization/unauthorized-error";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { beforeAll, describe, expect, it } from "vitest";
import { pathKey, valuesAt } from "../support/field-matrix.js";
import { type GraphQLResponse, graphql } from "../support/graphql-client.js";
import {
  bearer,
  type EnquiryRef,
  PersonaSession,
  PURPOSE_HEADER,
  personaByKey,
  principalOf,
} from "../support/personas.js";
import {
  devIdentityKey,
  foreignKey,
  personaClaims,
  signEs256,
  signHs256,
  unsignedToken,
} from "../support/practitioner-tokens.js";
import { sharedStack } from "../support/shared-stack.js";

/**
 * Ways a caller might try to get round field-level authorization: through the gateway (however the
 * operation is written, whoever claims to be asking, whatever purpose they declare), and around it
 * (calling a subgraph directly). The health practitioner is the usual caller: a MASH insider with a
 * real purpose who may see health in full but not police intelligence or detail, nor social care's
 * records. Every attempt must come back with no protected data.
 */

type Response = GraphQLResponse<Record<string, unknown>>;

/** The paths of the gateway's own denials (a subgraph's carry a `reason`), sorted. */
function deniedPaths(response: Response): string[] {
  return (response.errors ?? [])
    .filter(
      (error) =>
        error.extensions?.code === UNAUTHORIZED_FIELD_OR_TYPE &&
        error.extensions.reason === undefined,
    )
    .map((error) => pathKey(error.path ?? []))
    .sort();
}

/** Asserts the response holds null (or nothing) wherever the path points. */
function expectNullAt(response: Response, path: string): void {
  for (const value of valuesAt(response.data, path.split("."))) expect(value, path).toBeNull();
}

describe("bypass attempts", () => {
  // Authorization does not depend on the database engine: the shared system on PGlite.
  const stack = sharedStack();
  let health: PersonaSession;
  let socialWorker: PersonaSession;
  let enquiry: EnquiryRef;

  beforeAll(async () => {
    health = await PersonaSession.signIn(stack.gatewayUrl, "health-practitioner");
    socialWorker = await PersonaSession.signIn(stack.gatewayUrl, "social-worker");
    const newest = health.enquiries[0];
    if (!newest) throw new Error("the health practitioner has no open enquiry in the test world");
    enquiry = newest;
    health.declarePurpose(enquiry);
    socialWorker.declarePurpose(enquiry);
  });

  /** The enquiry's people as the social care record links them: subject, household, relatives. */
  async function purposeSubjects(session: PersonaSession): Promise<Set<string>> {
    const response = await session.query<{
      subject: {
        household: { members: { id: string }[] } | null;
        relationships: { person: { id: string } }[] | null;
      };
    }>(
      `query ($id: ID!) { subject(id: $id) { household { members { id } } relationships { person { id } } } }`,
      { id: enquiry.subjectId },
    );
    const subject = response.data?.subject;
    return new Set([
      enquiry.subjectId,
      ...(subject?.household?.members ?? []).map((member) => member.id),
      ...(subject?.relationships ?? []).map((relationship) => relationship.person.id),
    ]);
  }

  describe("through the gateway: the operation is filtered however it is written", () => {
    it("aliases: each alias of a protected field is denied under its own name", async () => {
      const response = await health.query(
        `query ($id: ID!) {
          subject(id: $id) {
            police { known intel: intelligence { text: sanitisedText } again: intelligence { id } }
            socialCare { known records: contacts { summary } }
          }
        }`,
        { id: enquiry.subjectId },
      );
      expect(response.status).toBe(200);
      expect(deniedPaths(response)).toEqual([
        "subject.police.again",
        "subject.police.intel",
        "subject.socialCare.records",
      ]);
      expect(response.errors).toHaveLength(3);
      expect(response.data?.subject).toEqual({
        police: { known: expect.any(Boolean), intel: null, again: null },
        socialCare: { known: expect.any(Boolean), records: null },
      });
    });

    it("named fragments: a fragment spread in two places is denied in both", async () => {
      const response = await health.query(
        `query ($id: ID!) {
          subject(id: $id) {
            police { ...Intelligence }
            household { members { id police { ...Intelligence } } }
          }
        }
        fragment Intelligence on PoliceSection { known intelligence { sanitisedText } }`,
        { id: enquiry.subjectId },
      );
      expect(deniedPaths(response)).toEqual([
        "subject.household.members.@.police.intelligence",
        "subject.police.intelligence",
      ]);
      expect(response.errors).toHaveLength(2);
      expectNullAt(response, "subject.police.intelligence");
      expectNullAt(response, "subject.household.members.@.police.intelligence");
      expect(
        valuesAt(response.data, "subject.household.members.@.police.known".split(".")),
      ).not.toEqual([]);
    });

    it("inline fragments, with and without a type condition, are denied too", async () => {
      const response = await health.query(
        `query ($id: ID!) {
          subject(id: $id) {
            socialCare {
              known
              ... on SocialCareSection { contacts { summary } }
              ... { childProtectionPlans { id } }
            }
          }
        }`,
        { id: enquiry.subjectId },
      );
      expect(deniedPaths(response)).toEqual([
        "subject.socialCare.childProtectionPlans",
        "subject.socialCare.contacts",
      ]);
      expect(response.errors).toHaveLength(2);
      expect(response.data?.subject).toEqual({
        socialCare: { known: expect.any(Boolean), contacts: null, childProtectionPlans: null },
      });
    });

    it("merged fields: a protected child selected in a second copy of an allowed field", async () => {
      const response = await socialWorker.query(
        `query ($id: ID!) {
          subject(id: $id) {
            police { intelligence { sanitisedText } ... on PoliceSection { intelligence { sourceEvaluation } } }
          }
        }`,
        { id: enquiry.subjectId },
      );
      expect(deniedPaths(response)).toEqual(["subject.police.intelligence.@.sourceEvaluation"]);
      expect(response.errors).toHaveLength(1);
      expectNullAt(response, "subject.police.intelligence.@.sourceEvaluation");
    });

    const CONDITIONAL = `query ($id: ID!, $show: Boolean!, $hide: Boolean!) {
      subject(id: $id) {
        police { known intelligence @include(if: $show) { sanitisedText } nominals @skip(if: $hide) { id } }
      }
    }`;

    it("@include/@skip: skipped fields are not reported, included ones are denied", async () => {
      // Asked in turn with the same text, so a filter result remembered for one set of variable
      // values must not be reused for another.
      const variations = [
        { show: false, hide: true, denied: [] },
        {
          show: true,
          hide: false,
          denied: ["subject.police.intelligence", "subject.police.nominals"],
        },
        { show: false, hide: true, denied: [] },
        { show: true, hide: true, denied: ["subject.police.intelligence"] },
      ];
      for (const { show, hide, denied } of variations) {
        const response = await health.query(CONDITIONAL, { id: enquiry.subjectId, show, hide });
        expect(deniedPaths(response), JSON.stringify({ show, hide })).toEqual(denied);
        expect(response.errors ?? []).toHaveLength(denied.length);
        const police = valuesAt(response.data, ["subject", "police"])[0];
        expect(police).toEqual({
          known: expect.any(Boolean),
          ...(show ? { intelligence: null } : {}),
          ...(hide ? {} : { nominals: null }),
        });
      }
    });

    it("@include written as `@ include` (legal GraphQL) is evaluated per request too", async () => {
      // GraphQL allows whitespace (and comments) between `@` and the directive's name. The answer
      // must not depend on how the directive is spelled: first asked with the field skipped, then
      // included, the second request must be denied by the gateway like any other.
      const spaced = `query ($id: ID!, $show: Boolean!) {
        subject(id: $id) { police { known intelligence @ include(if: $show) { sanitisedText } } }
      }`;
      const skipped = await health.query(spaced, { id: enquiry.subjectId, show: false });
      expect(skipped.errors).toBeUndefined();
      const included = await health.query(spaced, { id: enquiry.subjectId, show: true });
      expectNullAt(included, "subject.police.intelligence");
      // No protected data either way (the police subgraph enforces its own SDL); but the gateway
      // must be the one refusing, without asking the police for intelligence at all.
      expect(included.errors).toEqual([
        expect.objectContaining({
          path: ["subject", "police", "intelligence"],
          extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE },
        }),
      ]);
    });

    it("operation names: the operation chosen is the one filtered", async () => {
      const document = `
        query Harmless($id: ID!) { subject(id: $id) { police { known } } }
        query Probing($id: ID!) { subject(id: $id) { police { known intelligence { sanitisedText } } } }`;
      const response = await graphql(
        stack.gatewayUrl,
        document,
        { id: enquiry.subjectId },
        health.headers(),
      );
      // graphql() sends no operation name: with two operations neither runs and nothing comes back.
      // (The status is not asserted: the gateway answers this client mistake with a 500 today.)
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
      const probing = await fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...health.headers() },
        body: JSON.stringify({
          query: document,
          variables: { id: enquiry.subjectId },
          operationName: "Probing",
        }),
      });
      const body = (await probing.json()) as Response;
      expect(deniedPaths({ ...body, status: probing.status })).toEqual([
        "subject.police.intelligence",
      ]);
      expect(body.data).toEqual({
        subject: { police: { known: expect.any(Boolean), intelligence: null } },
      });
    });

    it("GET requests are filtered like POSTs", async () => {
      const url = new URL(stack.gatewayUrl);
      url.searchParams.set(
        "query",
        `{ subject(id: "${enquiry.subjectId}") { police { known intelligence { sanitisedText } } } }`,
      );
      const response = await fetch(url, {
        headers: { ...health.headers(), "apollo-require-preflight": "true" },
      });
      const body = (await response.json()) as Response;
      expect(deniedPaths({ ...body, status: response.status })).toEqual([
        "subject.police.intelligence",
      ]);
      expect(JSON.stringify(body.data)).not.toContain("sanitisedText");
    });

    it("nested entities: household members' and relatives' sections are filtered too", async () => {
      const response = await health.query(
        `query ($id: ID!) {
          subject(id: $id) {
            household { members { id health { known } police { known intelligence { sanitisedText } } socialCare { contacts { summary } } } }
            relationships { person { id probation { records { crn } } } }
          }
        }`,
        { id: enquiry.subjectId },
      );
      expect(deniedPaths(response)).toEqual([
        "subject.household.members.@.police.intelligence",
        "subject.household.members.@.socialCare.contacts",
        "subject.relationships.@.person.probation.records",
      ]);
      expect(response.errors).toHaveLength(3);
      expectNullAt(response, "subject.household.members.@.police.intelligence");
      expectNullAt(response, "subject.household.members.@.socialCare.contacts");
      expectNullAt(response, "subject.relationships.@.person.probation.records");
      for (const known of valuesAt(
        response.data,
        "subject.household.members.@.health.known".split("."),
      )) {
        expect(typeof known).toBe("boolean");
      }
    });
  });

  describe("the purpose binds what a caller may read", () => {
    it("a subject outside the declared enquiry: identity only, no records (the subgraphs refuse)", async () => {
      const inPurpose = await purposeSubjects(socialWorker);
      const outsider = socialWorker.enquiries.find((other) => !inPurpose.has(other.subjectId));
      if (!outsider)
        throw new Error("every seeded enquiry's subject is in the first one's household");
      const response = await socialWorker.query(
        `query ($id: ID!) {
          subject(id: $id) {
            id name { familyName }
            socialCare { known summary { contactCount } contacts { summary } }
            police { known summary { offenceCount } intelligence { sanitisedText } }
          }
        }`,
        { id: outsider.subjectId },
      );
      // The gateway cannot know whose records a subgraph will find, so it lets the purpose-bound
      // fields through (the caller does have a purpose); each subgraph then refuses record by
      // record because this subject is not one of the enquiry's.
      const paths = [
        "socialCare.summary",
        "socialCare.contacts",
        "police.summary",
        "police.intelligence",
      ];
      for (const path of paths) expectNullAt(response, `subject.${path}`);
      expect(
        (response.errors ?? [])
          .map((error) => [pathKey(error.path ?? []), error.extensions?.reason])
          .sort(),
      ).toEqual(paths.map((path) => [`subject.${path}`, "OUTSIDE_PURPOSE"]).sort());
      expect(response.data?.subject).toMatchObject({
        id: outsider.subjectId,
        name: { familyName: expect.any(String) },
        socialCare: { known: expect.any(Boolean) },
        police: { known: expect.any(Boolean) },
      });
    });

    it("a list of subjects: records only for the enquiry's people, never the rest of the page", async () => {
      const inPurpose = await purposeSubjects(socialWorker);
      const response = await socialWorker.query<{
        subjects: { nodes: { id: string; police: { summary: unknown } | null }[] };
      }>(`{ subjects(first: 40) { nodes { id police { summary { offenceCount } } } } }`);
      const nodes = response.data?.subjects.nodes ?? [];
      expect(nodes).toHaveLength(40);
      const refused = new Set(
        (response.errors ?? [])
          .filter((error) => error.extensions?.reason === "OUTSIDE_PURPOSE")
          .map((error) => pathKey(error.path ?? [])),
      );
      expect(refused.size).toBe((response.errors ?? []).length);
      nodes.forEach((node, i) => {
        if (inPurpose.has(node.id)) return;
        expect(node.police?.summary, node.id).toBeNull();
        expect(refused, node.id).toContain(`subjects.nodes.${i}.police.summary`);
      });
      expect(refused.size).toBeGreaterThan(0);
    });
  });

  describe("who is asking", () => {
    const PROTECTED = `query ($id: ID!) { subject(id: $id) { id name { familyName } police { known intelligence { sanitisedText } } } }`;

    it("anonymous: nothing protected, one error for the subject", async () => {
      const response = await graphql(stack.gatewayUrl, PROTECTED, { id: enquiry.subjectId });
      expect(response.status).toBe(200);
      expect(deniedPaths(response)).toEqual(["subject"]);
      expect(response.errors).toHaveLength(1);
      // Every field requested was removed, so the gateway has nothing to execute: `data` is null.
      expect(response.data?.subject ?? null).toBeNull();
      const enquiries = await graphql(stack.gatewayUrl, "{ myEnquiries { id } }");
      expect(deniedPaths(enquiries)).toEqual(["myEnquiries"]);
    });

    it("roles the catalogue does not know, and scope claims, grant nothing", async () => {
      const key = await devIdentityKey();
      const token = await signEs256(
        personaClaims(personaByKey("referrer"), {
          mash_roles: ["admin", "superuser"],
          scope: "identity:read police:known police:intelligence police:restricted",
        }),
        key,
      );
      const response = await graphql(
        stack.gatewayUrl,
        PROTECTED,
        { id: enquiry.subjectId },
        bearer(token),
      );
      expect(response.status).toBe(200);
      expect(deniedPaths(response)).toEqual(["subject"]);
      expect(response.data?.subject ?? null).toBeNull();
    });

    /** A 401 naming exactly this reason (and `details`, the only other extensions allowed). */
    async function expectUnauthenticated(
      headers: Record<string, string>,
      reason: string,
      details: Record<string, string> = {},
    ) {
      const response = await graphql(
        stack.gatewayUrl,
        PROTECTED,
        { id: enquiry.subjectId },
        headers,
      );
      expect(response.status, reason).toBe(401);
      expect(response.data ?? null, reason).toBeNull();
      expect(response.errors, reason).toEqual([
        expect.objectContaining({
          extensions: { code: "UNAUTHENTICATED", reason, ...details },
        }),
      ]);
    }

    it("bad tokens and headers: 401 UNAUTHENTICATED with the specific reason", async () => {
      const persona = personaByKey("police-officer");
      const devKey = await devIdentityKey();
      const anHourAgo = new Date(Date.now() - 3_600_000);
      await expectUnauthenticated(
        bearer(await issueDevToken(persona, { expiresIn: "30m", now: anHourAgo })),
        "TOKEN_EXPIRED",
      );
      await expectUnauthenticated(
        bearer(await signEs256(personaClaims(persona, { aud: "another-service" }), devKey)),
        "WRONG_AUDIENCE",
      );
      await expectUnauthenticated(
        bearer(await signEs256(personaClaims(persona, { iss: "somebody-else" }), devKey)),
        "WRONG_ISSUER",
      );
      // Another key presented under the trusted key's id, and under an id of its own.
      await expectUnauthenticated(
        bearer(await signEs256(personaClaims(persona), await foreignKey(devKey.kid))),
        "INVALID_SIGNATURE",
      );
      await expectUnauthenticated(
        bearer(await signEs256(personaClaims(persona), await foreignKey("attacker-1"))),
        "UNKNOWN_SIGNING_KEY",
      );
      await expectUnauthenticated(
        bearer(unsignedToken(personaClaims(persona))),
        "ALGORITHM_NOT_ALLOWED",
      );
      const publicKey = await readFile(DEV_PUBLIC_JWKS_PATH);
      await expectUnauthenticated(
        bearer(await signHs256(personaClaims(persona), publicKey, devKey.kid)),
        "ALGORITHM_NOT_ALLOWED",
      );
      const inAnHour = new Date(Date.now() + 3_600_000);
      await expectUnauthenticated(
        bearer(await issueDevToken(persona, { now: inAnHour })),
        "TOKEN_NOT_YET_VALID",
      );
      await expectUnauthenticated(
        bearer(await signEs256(personaClaims(persona, { mash_roles: undefined }), devKey)),
        "MISSING_CLAIM",
        { claim: "mash_roles" },
      );
      const valid = await issueDevToken(persona);
      await expectUnauthenticated({ authorization: "Bearer" }, "MALFORMED_AUTHORIZATION_HEADER");
      await expectUnauthenticated(
        { authorization: `Bearer ${valid} extra` },
        "MALFORMED_AUTHORIZATION_HEADER",
      );
      await expectUnauthenticated(
        { authorization: `Basic ${valid}` },
        "UNSUPPORTED_AUTHORIZATION_SCHEME",
      );
      await expectUnauthenticated({ authorization: "Bearer not-a-token" }, "MALFORMED_TOKEN");
      await expectUnauthenticated(
        bearer(`${valid.slice(0, valid.lastIndexOf(".") + 1)}${"A".repeat(86)}`),
        "INVALID_SIGNATURE",
      );
    });
  });

  describe("declared purposes", () => {
    const QUERY = "{ myEnquiries { id } }";

    it("an enquiry the caller does not work on: the same 404 as one that does not exist", async () => {
      const missing = "00000000-0000-4000-8000-00000000beef";
      for (const key of ["referrer", "dpo"]) {
        const token = await issueDevToken(personaByKey(key));
        const answers = [];
        for (const id of [enquiry.id, missing]) {
          const response = await graphql(stack.gatewayUrl, QUERY, undefined, {
            ...bearer(token),
            [PURPOSE_HEADER]: id,
          });
          expect(response.status, key).toBe(404);
          expect(response.data ?? null).toBeNull();
          answers.push(JSON.stringify(response.errors));
        }
        // Nothing in the answer tells an existing enquiry from a made-up one.
        expect(answers[0], key).toBe(answers[1]);
        expect(answers[0]).toContain('"code":"NOT_FOUND"');
        expect(answers[0]).toContain('"reason":"NO_SUCH_ENQUIRY"');
      }
    });

    it("a malformed purpose: 400; an unknown one: 404; a purpose without a token: 401", async () => {
      const malformed = await graphql(stack.gatewayUrl, QUERY, undefined, {
        ...bearer(health.token),
        [PURPOSE_HEADER]: "enquiry-1; drop table enquiry",
      });
      expect(malformed.status).toBe(400);
      expect(malformed.errors).toEqual([
        expect.objectContaining({
          extensions: { code: "BAD_USER_INPUT", reason: "MALFORMED_PURPOSE" },
        }),
      ]);
      const unknown = await graphql(stack.gatewayUrl, QUERY, undefined, {
        ...bearer(health.token),
        [PURPOSE_HEADER]: "00000000-0000-4000-8000-000000000000",
      });
      expect(unknown.status).toBe(404);
      expect(unknown.data ?? null).toBeNull();
      const anonymous = await graphql(stack.gatewayUrl, QUERY, undefined, {
        [PURPOSE_HEADER]: enquiry.id,
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("break-glass: refused without the scope, without a purpose, or outside the purpose", async () => {
      const declare = `mutation ($input: DeclareBreakGlassInput!) { declareBreakGlass(input: $input) { id } }`;
      const input = {
        subjectId: enquiry.subjectId,
        reason: "Trying to see restricted items without being allowed to.",
      };
      const police = await PersonaSession.signIn(stack.gatewayUrl, "police-officer");
      police.declarePurpose(enquiry);
      const noScope = await police.query(declare, { input });
      expect(deniedPaths(noScope)).toEqual(["declareBreakGlass"]);
      expect(noScope.data ?? null).toBeNull();

      const noPurpose = await graphql(stack.gatewayUrl, declare, { input }, bearer(health.token));
      expect(deniedPaths(noPurpose)).toEqual(["declareBreakGlass"]);

      const inPurpose = await purposeSubjects(health);
      const outsider = health.enquiries.find((other) => !inPurpose.has(other.subjectId));
      if (!outsider) throw new Error("the test world has only one enquiry subject");
      const outside = await health.query(declare, {
        input: { ...input, subjectId: outsider.subjectId },
      });
      expect(outside.data?.declareBreakGlass ?? null).toBeNull();
      expect(outside.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: "FORBIDDEN",
            reason: "SUBJECT_OUTSIDE_PURPOSE",
          }),
        }),
      ]);
    });

    it("internal fields are not part of the API: mashAuthority, _entities", async () => {
      for (const query of [
        `{ mashAuthority(enquiryId: "${enquiry.id}") { subjectIds breakGlassGrants { id } } }`,
        `{ _entities(representations: [{ __typename: "Subject", id: "${enquiry.subjectId}" }]) { __typename } }`,
      ]) {
        const response = await health.query(query);
        expect(response.status).toBe(400);
        expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(response.data ?? null).toBeNull();
      }
    });
  });

  describe("around the gateway: subgraphs called directly refuse", () => {
    /**
     * One protected part of each subgraph's section, and the persona of that agency who may read
     * it with a purpose: so a correctly signed request does get data, and the refusals below are
     * about the token, not about the selection.
     */
    const SUBGRAPHS = [
      {
        name: "social-care",
        persona: "social-worker",
        section: "socialCare",
        list: "contacts",
        selection: "contacts { id summary }",
      },
      {
        name: "police",
        persona: "police-officer",
        section: "police",
        list: "intelligence",
        selection: "intelligence { id sanitisedText }",
      },
      {
        name: "health",
        persona: "health-practitioner",
        section: "health",
        list: "camhsInvolvements",
        selection: "camhsInvolvements { id status }",
      },
      {
        name: "probation",
        persona: "probation-officer",
        section: "probation",
        list: "cases",
        selection: "cases { id crn }",
      },
    ] as const;

    const signer = createGatewaySigner({ privateJwk: loadGatewaySigningKey({ NODE_ENV: "test" }) });

    function entitiesRequest(section: string, selection: string, subjectId: string) {
      return {
        query: `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { ${section} { known ${selection} } } } }`,
        variables: { representations: [{ __typename: "Subject", id: subjectId }] },
      };
    }

    type Entities = { _entities: Record<string, Record<string, unknown> | null>[] };

    function send(
      url: string,
      request: { query: string; variables: Record<string, unknown> },
      headers: Record<string, string>,
    ) {
      return graphql<Entities>(url, request.query, request.variables, headers);
    }

    function expectRefused(response: GraphQLResponse<Entities>, reason: string) {
      expect(response.status, reason).toBe(401);
      expect(response.data ?? null, reason).toBeNull();
      expect(response.errors, reason).toEqual([
        expect.objectContaining({ extensions: { code: "UNAUTHENTICATED", reason } }),
      ]);
    }

    describe.each(SUBGRAPHS)("$name", ({ name, persona, section, list, selection }) => {
      const url = () => stack.urls[name] ?? "";
      const authority = (subjectIds: string[]): RequestAuthority => ({
        principal: principalOf(personaByKey(persona)),
        purpose: { enquiryId: enquiry.id, subjectIds },
        breakGlass: [],
      });
      const request = () => entitiesRequest(section, selection, enquiry.subjectId);
      const sign = (audience: string, as: RequestAuthority) =>
        signer.sign({ audience, authority: as, request: request() });
      /** Another enquiry's subject: a real person, but not this enquiry's. */
      const someoneElse = () => {
        const other = health.enquiries.find((each) => each.subjectId !== enquiry.subjectId);
        if (!other) throw new Error("the test world has only one enquiry subject");
        return other.subjectId;
      };

      it("no token, or a practitioner's own token: 401", async () => {
        expectRefused(await send(url(), request(), {}), "MISSING_GATEWAY_TOKEN");
        const userToken = await issueDevToken(personaByKey(persona));
        // Signed by the identity provider, whose key the subgraphs do not hold: only the gateway's
        // signature counts here, whoever the practitioner is.
        expectRefused(await send(url(), request(), bearer(userToken)), "BAD_SIGNATURE");
      });

      it("a gateway token for another subgraph: 401 WRONG_AUDIENCE", async () => {
        const other = SUBGRAPHS.find((candidate) => candidate.name !== name)?.name ?? "";
        const token = await sign(other, authority([enquiry.subjectId]));
        expectRefused(await send(url(), request(), bearer(token)), "WRONG_AUDIENCE");
      });

      it("a valid token works once: replayed, 401 REPLAYED; another query under it, 401 REQUEST_MISMATCH", async () => {
        const token = await sign(name, authority([enquiry.subjectId]));
        const first = await send(url(), request(), bearer(token));
        expect(first.status).toBe(200);
        expect(first.errors).toBeUndefined();
        expect(first.data?._entities[0]?.[section]).toMatchObject({ [list]: expect.any(Array) });
        expectRefused(await send(url(), request(), bearer(token)), "REPLAYED");

        const fresh = await sign(name, authority([enquiry.subjectId]));
        const changed = entitiesRequest(section, `${selection} __typename`, enquiry.subjectId);
        expectRefused(await send(url(), changed, bearer(fresh)), "REQUEST_MISMATCH");
        // Nor may the variables change: another subject under a token signed for this one.
        const elsewhere = entitiesRequest(section, selection, someoneElse());
        expectRefused(await send(url(), elsewhere, bearer(fresh)), "REQUEST_MISMATCH");
      });

      it("a signed anonymous request: the section is null, refused by the subgraph itself", async () => {
        const anonymous: RequestAuthority = { principal: null, purpose: null, breakGlass: [] };
        const response = await send(url(), request(), bearer(await sign(name, anonymous)));
        expect(response.status).toBe(200);
        expect(response.data?._entities).toEqual([{ [section]: null }]);
        expect(response.errors).toEqual([
          expect.objectContaining({
            path: ["_entities", 0, section],
            extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, reason: "MISSING_REQUIREMENT" },
          }),
        ]);
      });

      it("a signed persona whose purpose does not cover the subject: OUTSIDE_PURPOSE", async () => {
        // Signed by the gateway's key, so believed: the purpose covers another enquiry's subject.
        const response = await send(
          url(),
          request(),
          bearer(await sign(name, authority([someoneElse()]))),
        );
        expect(response.status).toBe(200);
        expect(response.data?._entities[0]?.[section]).toEqual({
          known: expect.any(Boolean),
          [list]: null,
        });
        expect(response.errors).toEqual([
          expect.objectContaining({
            path: ["_entities", 0, section, list],
            extensions: { code: UNAUTHORIZED_FIELD_OR_TYPE, reason: "OUTSIDE_PURPOSE" },
          }),
        ]);
      });
    });
  });
});
