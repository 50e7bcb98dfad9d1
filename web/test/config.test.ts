import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("the front end's configuration", () => {
  it("signs in with personas in development, with nothing configured", () => {
    const config = loadConfig({ NODE_ENV: "development" });
    expect(config.signIn).toEqual({ kind: "personas" });
    expect(config.gatewayUrl).toBe("http://127.0.0.1:4000/graphql");
    expect(config.redisUrl).toBeUndefined();
  });

  it("refuses to start in production without an identity provider, a session secret and its address", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /SESSION_SECRET.*OIDC_ISSUER.*PUBLIC_URL/,
    );
  });

  it("uses OpenID Connect when an issuer is configured, and sessions in Redis with REDIS_URL", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      OIDC_ISSUER: "https://login.example.org/realms/mash",
      OIDC_CLIENT_ID: "mash-web",
      SESSION_SECRET: "x".repeat(40),
      PUBLIC_URL: "https://mash.example.org/",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    expect(config.signIn).toMatchObject({ kind: "oidc", clientId: "mash-web" });
    expect(config.publicUrl.protocol).toBe("https:");
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("names a bad variable", () => {
    expect(() => loadConfig({ NODE_ENV: "development", GATEWAY_URL: "not a url" })).toThrow(
      /GATEWAY_URL/,
    );
  });
});
