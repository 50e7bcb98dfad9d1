import { ConfigurationError } from "@mash/platform/config/parse-env";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig, loadSubgraphUrlOverrides } from "../src/config.js";
import { readSupergraph } from "../src/supergraph/read-supergraph.js";

describe("gateway configuration", () => {
  it("has working defaults", () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 4000, subgraphTimeoutMs: 5000 });
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
  });

  it("names every bad value, and hides anything that may hold credentials", () => {
    const load = () =>
      loadGatewayConfig({ PORT: "70000", LOG_LEVEL: "chatty", SUBGRAPH_TIMEOUT_MS: "-1" });
    expect(load).toThrow(ConfigurationError);
    try {
      load();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT: Too big");
      expect(message).toContain('(was "70000")');
      expect(message).toContain("LOG_LEVEL:");
      expect(message).toContain("SUBGRAPH_TIMEOUT_MS:");
    }
    try {
      loadSubgraphUrlOverrides(["police"], { POLICE_URL: "ftp://user:secret@host" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain("POLICE_URL: expected an http:// or https:// URL");
      expect((error as Error).message).not.toContain("secret");
    }
  });

  it("moves a subgraph with <NAME>_URL, using the names in the supergraph", () => {
    const { subgraphs } = readSupergraph(loadGatewayConfig({}).supergraphPath);
    expect(subgraphs.map((subgraph) => subgraph.name).sort()).toEqual([
      "audit",
      "health",
      "police",
      "probation",
      "social-care",
    ]);
    const overrides = loadSubgraphUrlOverrides(
      subgraphs.map((subgraph) => subgraph.name),
      { SOCIAL_CARE_URL: "http://social-care.internal:8080/graphql" },
    );
    expect(overrides).toEqual({ "social-care": "http://social-care.internal:8080/graphql" });
  });
});
