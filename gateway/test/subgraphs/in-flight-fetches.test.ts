import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { grantsFor, type RequestAuthority } from "@mash/schema/authorization/principal";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { GatewayContext } from "../../src/context.js";
import { InFlightFetches } from "../../src/subgraphs/in-flight-fetches.js";
import { SubgraphDataSource } from "../../src/subgraphs/subgraph-data-source.js";

// Identical reads in flight share one subgraph fetch only for callers whose rights are the same.
// The subgraph here holds every request until the test releases it, so "in flight together" is
// decided by the test, not by timing, and answers with the principal the token vouches for, so a
// caller handed someone else's answer would show it.

const QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Subject { police { known } } }
}`;
const ENQUIRY = "00000000-0000-4000-8000-000000000001";
const SUBJECT = "00000000-0000-4000-8000-0000000000aa";
const OTHER_SUBJECT = "00000000-0000-4000-8000-0000000000bb";

function authorityOf(
  id: string,
  overrides: Partial<RequestAuthority> = {},
  roles = ["mash-police-officer"],
): RequestAuthority {
  return {
    principal: { id, displayName: id, agency: "police", roles: roles as never },
    purpose: { enquiryId: ENQUIRY, subjectIds: [SUBJECT] },
    breakGlass: [],
    ...overrides,
  };
}

function contextFor(authority: RequestAuthority): GatewayContext {
  return {
    requestId: `req-${Math.random()}`,
    logger: { warn: () => undefined },
    authority,
    grants: grantsFor(authority),
  } as unknown as GatewayContext;
}

function operation(
  authority: RequestAuthority,
  options: { type?: "query" | "mutation"; id?: string } = {},
): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    // @apollo/gateway does not export the enum; this is its INCOMING_OPERATION value.
    kind: "incoming operation",
    request: {
      query: QUERY,
      variables: { representations: [{ __typename: "Subject", id: options.id ?? SUBJECT }] },
    },
    incomingRequestContext: { operation: { operation: options.type ?? "query" } },
    context: contextFor(authority),
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

/** How long a request may take to reach the subgraph on a busy machine: a wait, not a timing. */
const ARRIVED = { timeout: 30_000, interval: 20 };

let server: Server;
let url = "";
let received: string[] = [];
const held: (() => void)[] = [];
let holding = true;

function answer(request: IncomingMessage, response: ServerResponse) {
  // The fake signer's token is the authority itself: answer with who it says is asking.
  const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
  const authority = JSON.parse(Buffer.from(token, "base64url").toString()) as RequestAuthority;
  received.push(authority.principal?.id ?? "anonymous");
  const send = () => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(
      JSON.stringify({
        data: {
          _entities: [
            { __typename: "Subject", police: { known: true, askedBy: authority.principal?.id } },
          ],
        },
      }),
    );
  };
  if (holding) held.push(send);
  else send();
}

function release() {
  holding = false;
  for (const send of held.splice(0)) send();
}

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterEach(() => {
  release();
  received = [];
  holding = true;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function source(inFlight: InFlightFetches) {
  return new SubgraphDataSource({
    name: "police",
    url,
    timeoutMs: 30_000,
    signer: {
      sign: async ({ authority }) => Buffer.from(JSON.stringify(authority)).toString("base64url"),
    },
    inFlight,
  });
}

function askedBy(response: GatewayGraphQLResponse): unknown {
  const entities = (response.data as { _entities: { police: { askedBy: string } }[] })._entities;
  return entities[0]?.police.askedBy;
}

describe("identical subgraph reads in flight", () => {
  it("share one fetch when the callers' authority is the same, each with its own copy", async () => {
    const inFlight = new InFlightFetches();
    const police = source(inFlight);
    const first = police.process(operation(authorityOf("officer-1")));
    await vi.waitFor(() => expect(received).toHaveLength(1), ARRIVED);
    const second = police.process(operation(authorityOf("officer-1")));
    const third = police.process(operation(authorityOf("officer-1")));
    release();
    const answers = await Promise.all([first, second, third]);
    const [firstAnswer, secondAnswer] = answers;
    // Had a later caller sent its own request, the subgraph would have seen it before answering.
    expect(received).toEqual(["officer-1"]);
    expect(inFlight.shared).toBe(2);
    expect(answers.map(askedBy)).toEqual(["officer-1", "officer-1", "officer-1"]);
    // @apollo/gateway merges into the answer it is given: one caller's change stays its own.
    expect(firstAnswer.data).not.toBe(secondAnswer.data);
    (firstAnswer.data as { _entities: unknown[] })._entities.length = 0;
    expect(askedBy(secondAnswer)).toBe("officer-1");
    expect(inFlight.size).toBe(0);
  });

  it("never share between callers whose rights differ in any way", async () => {
    const base = authorityOf("officer-1");
    const differing: [string, RequestAuthority][] = [
      ["another principal with the same role", authorityOf("officer-2")],
      ["the same principal with another role", authorityOf("officer-1", {}, ["mash-manager"])],
      [
        "another verified purpose",
        authorityOf("officer-1", {
          purpose: { enquiryId: ENQUIRY, subjectIds: [SUBJECT, OTHER_SUBJECT] },
        }),
      ],
      ["no purpose", authorityOf("officer-1", { purpose: null })],
      [
        "a break-glass grant",
        authorityOf("officer-1", {
          breakGlass: [{ id: "bg-1", subjectId: SUBJECT, expiresAt: "2099-01-01T00:00:00Z" }],
        }),
      ],
    ];
    for (const [why, other] of differing) {
      const inFlight = new InFlightFetches();
      const police = source(inFlight);
      const mine = police.process(operation(base));
      const theirs = police.process(operation(other));
      // Both reach the subgraph while both are in flight: nothing was shared (${why}).
      await vi.waitFor(() => expect(received, why).toHaveLength(2), ARRIVED);
      release();
      const [myAnswer, theirAnswer] = await Promise.all([mine, theirs]);
      expect(inFlight.shared, why).toBe(0);
      expect(askedBy(myAnswer)).toBe("officer-1");
      expect(askedBy(theirAnswer)).toBe(other.principal?.id);
      received = [];
      holding = true;
    }
  });

  it("never share different variables, a mutation's fetches, or an answer already given", async () => {
    const inFlight = new InFlightFetches();
    const police = source(inFlight);
    const authority = authorityOf("officer-1");
    const one = police.process(operation(authority));
    const other = police.process(operation(authority, { id: OTHER_SUBJECT }));
    const write1 = police.process(operation(authority, { type: "mutation" }));
    const write2 = police.process(operation(authority, { type: "mutation" }));
    await vi.waitFor(() => expect(received).toHaveLength(4), ARRIVED);
    release();
    await Promise.all([one, other, write1, write2]);
    // Answered: the same read again goes to the subgraph (nothing is cached).
    await police.process(operation(authority));
    expect(received).toHaveLength(5);
    expect(inFlight.shared).toBe(0);
  });

  it("send every fetch when sharing is off", async () => {
    const police = new SubgraphDataSource({
      name: "police",
      url,
      timeoutMs: 30_000,
      signer: {
        sign: async ({ authority }) => Buffer.from(JSON.stringify(authority)).toString("base64url"),
      },
    });
    const calls = [1, 2, 3].map(() => police.process(operation(authorityOf("officer-1"))));
    await vi.waitFor(() => expect(received).toHaveLength(3), ARRIVED);
    release();
    await Promise.all(calls);
  });
});
