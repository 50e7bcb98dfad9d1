import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayContext } from "../../src/context.js";
import { SubgraphDataSource } from "../../src/subgraphs/subgraph-data-source.js";

// The data source against real sockets: a subgraph that hangs, one that fails, one that refuses.

const QUERY = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Enquiry { healthCheck { status agency } } }
}`;

const warnings: unknown[] = [];
const context = {
  requestId: "req-1",
  logger: { warn: (fields: unknown) => warnings.push(fields) },
} as unknown as GatewayContext;

function operation(): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    // @apollo/gateway does not export the enum; this is its INCOMING_OPERATION value.
    kind: "incoming operation",
    request: {
      query: QUERY,
      variables: { representations: [{ __typename: "Enquiry", id: "e1" }] },
    },
    incomingRequestContext: {},
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

// Long enough that a busy machine never turns an answer into a timeout; the timeout case sets its own.
function source(url: string, timeoutMs = 30_000) {
  return new SubgraphDataSource({
    name: "health",
    url,
    timeoutMs,
    signer: { sign: async () => "signed" },
    // As the supergraph declares it: health reports its check through Enquiry.healthCheck.
    agencyChecks: [{ typeName: "Enquiry", fieldName: "healthCheck", agency: "HEALTH" }],
  });
}

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/hang") return; // never answers
    const status = request.url === "/fail" ? 503 : 401;
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify({ errors: [{ message: "no" }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("SubgraphDataSource when the agency is unavailable", () => {
  it("answers in the agency's place after its timeout", async () => {
    const response = await source(`${base}/hang`, 200).process(operation());
    expect(response.data).toEqual({
      _entities: [
        { __typename: "Enquiry", healthCheck: { status: "AGENCY_UNAVAILABLE", agency: "HEALTH" } },
      ],
    });
    expect(response.errors?.[0]?.extensions).toEqual({
      code: "DOWNSTREAM_SERVICE_ERROR",
      serviceName: "health",
      reason: "TIMEOUT",
    });
    expect(JSON.stringify(response.errors)).not.toContain(base);
    expect(warnings).toContainEqual({ requestId: "req-1", service: "health", reason: "TIMEOUT" });
  });

  it("reports a 5xx as SERVER_ERROR and a closed port as UNREACHABLE", async () => {
    const failed = await source(`${base}/fail`).process(operation());
    expect(failed.errors?.[0]?.extensions?.reason).toBe("SERVER_ERROR");
    const closed = await source("http://127.0.0.1:9/graphql").process(operation());
    expect(closed.errors?.[0]?.extensions?.reason).toBe("UNREACHABLE");
  });

  it("lets a 4xx stand: the agency answered", async () => {
    await expect(source(`${base}/refuse`).process(operation())).rejects.toThrow();
  });
});
