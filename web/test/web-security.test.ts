import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";

// The front end's own defences, without a gateway behind it: CSRF, headers, cookies, sign-in.

describe("the front end's security", () => {
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // No gateway listens here: every request below must be decided before one is needed.
    const config = loadConfig({
      NODE_ENV: "development",
      GATEWAY_URL: "http://127.0.0.1:9/graphql",
    });
    const web = await createWebApp(config, pino({ level: "silent" }));
    const server = web.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
      await new Promise((resolve) => server.close(resolve));
      await web.close();
    };
  });
  afterAll(() => close?.());

  it("sends every page to sign-in when nobody is signed in", async () => {
    const response = await fetch(`${base}/work-queue`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sign-in?returnTo=%2Fwork-queue");
  });

  it("refuses a form posted without the session's CSRF token", async () => {
    const response = await fetch(`${base}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "persona=manager",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("This form has expired");
  });

  it("sets a self-only Content-Security-Policy with a nonce, and no framing", async () => {
    const response = await fetch(`${base}/signed-out`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("keeps the session in an HttpOnly, SameSite cookie, never a token", async () => {
    // Every page carries a CSRF token, kept in the session: the first answer sets the cookie.
    const response = await fetch(`${base}/signed-out`);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^mash\.sid=s%3A[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  });
});
