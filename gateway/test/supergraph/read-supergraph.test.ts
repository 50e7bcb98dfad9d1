import { ApolloGateway } from "@apollo/gateway";
import { composeSupergraph, subgraphFromSdl } from "@mash/schema/compose";
import { SUPERGRAPH_PATH } from "@mash/schema/subgraphs";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { supergraphForApolloGateway } from "../../src/authorization/supergraph-for-gateway.js";
import { agencyCheckFields } from "../../src/supergraph/agency-check-fields.js";
import { loadSupergraph, readSupergraph } from "../../src/supergraph/read-supergraph.js";

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@external", "@requires"])`;

/** The agency spec as a subgraph links it, the import named as given. */
function agencySpec(importEntry: string, directiveName: string): string {
  return `extend schema
  @link(url: "https://specs.mash-graph.org/agency/v1.0", import: [${importEntry}])
  @federation__composeDirective(name: "@${directiveName}")
directive @${directiveName}(agency: Agency!) on FIELD_DEFINITION
enum Agency { SOCIAL_CARE EDUCATION }
type AgencyCheck @shareable { agency: Agency! status: String }`;
}

/** A two-subgraph graph in which education reports its check through a field of its choosing. */
function schoolsGraph(importEntry = `"@agencyCheck"`, directiveName = "agencyCheck"): string {
  const spec = agencySpec(importEntry, directiveName);
  return composeSupergraph([
    subgraphFromSdl(
      "mash-host",
      "http://127.0.0.1:1/graphql",
      `${FEDERATION}\n${spec}\ntype Query { enquiry(id: ID!): Enquiry }
type Enquiry @key(fields: "id") { id: ID! dueAt: String hostCheck: AgencyCheck @${directiveName}(agency: SOCIAL_CARE) }`,
    ),
    subgraphFromSdl(
      "schools",
      "http://127.0.0.1:2/graphql",
      `${FEDERATION}\n${spec}
type Enquiry @key(fields: "id") { id: ID! dueAt: String @external
  attendance: AgencyCheck @requires(fields: "dueAt") @${directiveName}(agency: EDUCATION) }`,
    ),
  ]);
}

describe("the fields through which subgraphs report agency checks", () => {
  it("are read from the MASH supergraph: one per agency, on Enquiry", () => {
    const { agencyChecks } = readSupergraph(SUPERGRAPH_PATH.pathname);
    expect(Object.fromEntries(agencyChecks)).toEqual({
      "social-care": [{ typeName: "Enquiry", fieldName: "socialCareCheck", agency: "SOCIAL_CARE" }],
      police: [{ typeName: "Enquiry", fieldName: "policeCheck", agency: "POLICE" }],
      health: [{ typeName: "Enquiry", fieldName: "healthCheck", agency: "HEALTH" }],
      probation: [{ typeName: "Enquiry", fieldName: "probationCheck", agency: "PROBATION" }],
    });
  });

  it("come from the directive, whatever the field, agency and subgraph are called", () => {
    const { agencyChecks } = loadSupergraph(schoolsGraph());
    expect(agencyChecks.get("schools")).toEqual([
      { typeName: "Enquiry", fieldName: "attendance", agency: "EDUCATION" },
    ]);
    // A subgraph that only names the field (@external) does not report it.
    expect(agencyChecks.get("mash-host")).toEqual([
      { typeName: "Enquiry", fieldName: "hostCheck", agency: "SOCIAL_CARE" },
    ]);
  });

  it("follow the directive when the spec's import renames it", () => {
    const supergraph = schoolsGraph(
      `{ name: "@agencyCheck", as: "@reportsCheck" }`,
      "reportsCheck",
    );
    expect(agencyCheckFields(parse(supergraph)).get("schools")).toEqual([
      { typeName: "Enquiry", fieldName: "attendance", agency: "EDUCATION" },
    ]);
  });

  it("are none in a supergraph that does not link the agency spec", () => {
    const supergraph = composeSupergraph([
      subgraphFromSdl(
        "books",
        "http://127.0.0.1:3/graphql",
        `${FEDERATION}\ntype Query { bookCheck: String }`,
      ),
    ]);
    expect(loadSupergraph(supergraph).agencyChecks.size).toBe(0);
  });
});

describe("the subgraph that verifies declared purposes", () => {
  it("is the one the supergraph says resolves Query.mashAuthority", () => {
    expect(readSupergraph(SUPERGRAPH_PATH.pathname).purposeHost).toBe("social-care");
  });

  it("is none in a supergraph without MASH enquiries", () => {
    expect(loadSupergraph(schoolsGraph()).purposeHost).toBeUndefined();
  });
});

describe("the MASH supergraph in stock @apollo/gateway", () => {
  it("loads, the agency spec and all, once the authorization links drop `for: SECURITY`", async () => {
    const supergraph = readSupergraph(SUPERGRAPH_PATH.pathname);
    const gateway = new ApolloGateway({
      supergraphSdl: supergraphForApolloGateway(supergraph.sdl),
    });
    try {
      const { schema } = await gateway.load();
      expect(schema.getType("Enquiry")).toBeDefined();
      // Metadata for the gateway, not part of the API clients see.
      expect(schema.getDirective("agencyCheck")).toBeUndefined();
    } finally {
      await gateway.stop();
    }
  });
});
