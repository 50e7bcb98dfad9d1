import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeSupergraph, subgraphFromSdl } from "@mash/schema/compose";
import { describe, expect, it } from "vitest";
import { loadAuthConfig } from "../../src/auth/auth-config.js";
import { createAuthenticator } from "../../src/auth/authenticate.js";
import { loadGatewayConfig } from "../../src/config.js";
import { testGateways } from "../support/test-gateway.js";

const gatewayWith = testGateways();

async function introspectDescription(url: string, type: string, field: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ __type(name: "${type}") { fields { name description } } }` }),
  });
  const body = (await response.json()) as {
    data?: { __type: { fields: { name: string; description: string | null }[] } | null };
  };
  return body.data?.__type?.fields.find((candidate) => candidate.name === field)?.description;
}

describe("the playground and development tokens at the gateway", () => {
  it("serves GraphiQL at / outside production, and personas' tokens the gateway accepts", async () => {
    const { root, get } = await gatewayWith();
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");

    const personas = (await (await get("/dev/personas")).json()) as { personas: { key: string }[] };
    expect(personas.personas.map((persona) => persona.key)).toContain("police-officer");

    const issued = await get("/dev/token?persona=police-officer");
    expect(issued.headers.get("cache-control")).toBe("no-store");
    const { token } = (await issued.json()) as { token: string };
    const authenticator = createAuthenticator(loadAuthConfig({ NODE_ENV: "test" }));
    expect(await authenticator.authenticate(`Bearer ${token}`)).toMatchObject({
      id: "dev-police-officer",
      roles: ["mash-police-officer"],
    });
    expect((await get("/dev/token?persona=superuser")).status).toBe(400);
    expect(root).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("documents who may see each field in what introspection returns", async () => {
    const { gateway } = await gatewayWith();
    expect(await introspectDescription(gateway.url, "PoliceSection", "intelligence")).toContain(
      "**Who may see it:** scopes `police:intelligence`; policies `purpose`.",
    );
  });

  it("is off with PLAYGROUND=disabled", async () => {
    const { get } = await gatewayWith({ PLAYGROUND: "disabled" });
    expect((await get("/")).status).toBe(404);
    expect((await get("/playground/assets/app.js")).status).toBe(404);
  });

  it("issues no token (404) unless the development identity provider is the one trusted", async () => {
    const { get } = await gatewayWith({ AUTH_ISSUER: "https://idp.example.gov.uk" });
    expect((await get("/dev/token?persona=social-worker")).status).toBe(404);
    expect((await get("/dev/personas")).status).toBe(404);
    // The playground itself stays: a developer pastes a token from the real identity provider.
    expect((await get("/")).status).toBe(200);
  });

  it("serves any supergraph with authorization off, its descriptions as composed", async () => {
    const federation = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])`;
    const supergraph = composeSupergraph([
      subgraphFromSdl(
        "library",
        "http://127.0.0.1:9/graphql",
        `${federation}\ntype Query { "Every book." books: [Book!]! }\ntype Book @key(fields: "id") { id: ID! "Its title." title: String }`,
      ),
      subgraphFromSdl(
        "reviews",
        "http://127.0.0.1:9/graphql",
        `${federation}\ntype Book @key(fields: "id") { id: ID! "Stars, 1 to 5." stars: Int }`,
      ),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), "mash-supergraph-")), "supergraph.graphql");
    writeFileSync(path, supergraph);
    const { gateway, get } = await gatewayWith({ SUPERGRAPH_PATH: path, AUTHZ_MODE: "off" });
    expect(await introspectDescription(gateway.url, "Book", "stars")).toBe("Stars, 1 to 5.");
    expect((await get("/")).status).toBe(200);
  });
});

describe("PLAYGROUND", () => {
  it("is on in development and test, off in production (the default), and refused there", () => {
    expect(loadGatewayConfig({ NODE_ENV: "development" }).playground).toBe(true);
    expect(loadGatewayConfig({ NODE_ENV: "test" }).playground).toBe(true);
    expect(loadGatewayConfig({}).playground).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: "production" }).playground).toBe(false);
    expect(() => loadGatewayConfig({ NODE_ENV: "production", PLAYGROUND: "enabled" })).toThrow(
      /PLAYGROUND: "enabled" is only allowed with NODE_ENV=development or NODE_ENV=test/,
    );
    expect(loadGatewayConfig({ NODE_ENV: "development", PLAYGROUND: "disabled" }).playground).toBe(
      false,
    );
    expect(() => loadGatewayConfig({ PLAYGROUND: "yes" })).toThrow(/PLAYGROUND/);
  });
});
