import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify } from "jose";
import Provider from "oidc-provider";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";

/**
 * Signing in with a real OpenID Connect provider, in process: `oidc-provider` (a certified
 * implementation) plays the MASH's identity provider, the front end runs as production runs it
 * (NODE_ENV=production, OIDC_ISSUER set, no personas), and a stand-in gateway records the token
 * each page is asked with. The browser's part is played with fetch and a cookie jar: the
 * authorization code flow with PKCE, the session, the gateway call with the provider's access
 * token, and sign-out at the provider.
 */

const GATEWAY_AUDIENCE = "mash-gateway";
/** The gateway as a resource indicator (RFC 8707): the provider issues its tokens for it. */
const GATEWAY_RESOURCE = "urn:mash:gateway";
const CLIENT = { id: "mash-web", secret: "a-client-secret-for-the-oidc-test-only" };
const PRACTITIONER = {
  sub: "oidc-manager-0001",
  name: "Helen Whitworth",
  mash_roles: ["mash-manager"],
  mash_agency: "SOCIAL_CARE",
};

/** An HTTP server on a free port of 127.0.0.1, its handler set once its address is known. */
async function listening(): Promise<{ server: Server; url: string }> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The browser's cookies (one jar: both servers are 127.0.0.1, and cookies ignore the port). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1));
    }
  }

  /** One request as the browser sends it: the jar's cookies, no redirect followed. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.header() },
    });
    this.keep(response);
    return response;
  }
}

function locationOf(response: Response, base: string): URL {
  const location = response.headers.get("location");
  if (!location) throw new Error(`no redirect from ${response.url} (${response.status})`);
  return new URL(location, base);
}

describe("signing in with an OpenID Connect provider (authorization code flow with PKCE)", () => {
  let issuer: string;
  let web: string;
  const tokensSeen: string[] = [];
  const authorizationRequests: URL[] = [];
  const stop: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    // The identity provider: one client (the front end), access tokens as JWTs for the gateway.
    const idp = await listening();
    issuer = idp.url;
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const signingKey = {
      ...(await exportJWK(privateKey)),
      kid: "test-key",
      alg: "RS256",
      use: "sig",
    };
    const webServer = await listening();
    web = webServer.url;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [`${web}/sign-in/callback`],
          post_logout_redirect_uris: [`${web}/signed-out`],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      jwks: { keys: [signingKey] },
      scopes: ["openid", "profile", "mash"],
      pkce: { required: () => true },
      ttl: {
        Session: 3600,
        Grant: 3600,
        Interaction: 600,
        AuthorizationCode: 60,
        IdToken: 600,
        AccessToken: 600,
      },
      features: {
        devInteractions: { enabled: false },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => GATEWAY_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: "mash",
            audience: GATEWAY_AUDIENCE,
            accessTokenFormat: "jwt",
            accessTokenTTL: 600,
            jwt: { sign: { alg: "RS256" } },
          }),
        },
      },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => ({ sub, name: PRACTITIONER.name }),
      }),
      // The MASH claims the gateway authorizes by, on the access token.
      extraTokenClaims: (_ctx, token) =>
        token.kind === "AccessToken"
          ? {
              name: PRACTITIONER.name,
              mash_roles: PRACTITIONER.mash_roles,
              mash_agency: PRACTITIONER.mash_agency,
            }
          : undefined,
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    });
    const callback = provider.callback();
    idp.server.on("request", async (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? "/", issuer);
      if (url.pathname === "/auth") authorizationRequests.push(url);
      // The provider's own pages, answered at once: the practitioner is who they say (login),
      // and the organisation has agreed to its own service (consent).
      if (url.pathname.startsWith("/interaction/")) {
        const { prompt, params, session } = await provider.interactionDetails(request, response);
        let result: Parameters<typeof provider.interactionFinished>[2];
        if (prompt.name === "login") {
          result = { login: { accountId: PRACTITIONER.sub } };
        } else {
          const grant = new provider.Grant({
            accountId: session?.accountId ?? PRACTITIONER.sub,
            clientId: String(params.client_id),
          });
          // What the request asked for and the provider found missing, as its consent page would.
          const missing = prompt.details as {
            missingOIDCScope?: string[];
            missingResourceScopes?: Record<string, string[]>;
          };
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
          for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
            grant.addResourceScope(resource, scopes.join(" "));
          }
          result = { consent: { grantId: await grant.save() } };
        }
        await provider.interactionFinished(request, response, result, {
          mergeWithLastSubmission: true,
        });
        return;
      }
      callback(request, response);
    });
    stop.push(() => new Promise((resolve) => idp.server.close(resolve)));

    // A stand-in gateway: records the bearer token of every request and answers empty queues.
    const gateway = await listening();
    gateway.server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      tokensSeen.push(String(request.headers.authorization ?? "").replace(/^Bearer /, ""));
      request.resume();
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ data: { workQueue: [], contactsAwaitingScreening: [] } }));
    });
    stop.push(() => new Promise((resolve) => gateway.server.close(resolve)));

    // The front end as production runs it: OIDC, a session secret, its public address.
    const config = loadConfig({
      NODE_ENV: "production",
      PUBLIC_URL: `${web}/`,
      SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_SCOPES: "openid profile mash",
      GATEWAY_URL: `${gateway.url}/graphql`,
    });
    const app = await createWebApp(config, pino({ level: "silent" }));
    webServer.server.on("request", app.app);
    stop.push(app.close, () => new Promise((resolve) => webServer.server.close(resolve)));
  });

  afterAll(async () => {
    for (const step of stop.reverse()) await step();
  });

  const browser = new CookieJar();

  it("sends a practitioner to the provider with PKCE (S256), state and nonce, and back signed in", async () => {
    const asked = await browser.fetch(`${web}/work-queue`);
    expect(asked.status).toBe(303);
    const signIn = locationOf(asked, web);
    expect(signIn.pathname).toBe("/sign-in");

    const toProvider = await browser.fetch(signIn);
    const authorize = locationOf(toProvider, web);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("client_id")).toBe(CLIENT.id);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${web}/sign-in/callback`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();

    // The provider: authorize → its login (answered) → authorize again → back with a code.
    let next = authorize;
    for (let hop = 0; hop < 6 && next.origin === issuer; hop += 1) {
      next = locationOf(await browser.fetch(next), issuer);
    }
    expect(next.origin + next.pathname).toBe(`${web}/sign-in/callback`);
    expect(next.searchParams.get("code")).toBeTruthy();
    expect(next.searchParams.get("state")).toBe(authorize.searchParams.get("state"));

    const back = await browser.fetch(next);
    expect(back.status).toBe(303);
    expect(locationOf(back, web).pathname).toBe("/work-queue");
    const queue = await browser.fetch(`${web}/work-queue`);
    expect(queue.status).toBe(200);
    const html = await queue.text();
    expect(html).toContain("Signed in as <strong>Helen Whitworth</strong>");
    expect(html).not.toContain(tokensSeen.at(-1));
  });

  it("asks the gateway with the provider's access token: a JWT for the gateway, with the MASH roles", async () => {
    const token = tokensSeen.at(-1) ?? "";
    const keys = createRemoteJWKSet(new URL(`${issuer}/jwks`));
    const { payload } = await jwtVerify(token, keys, { issuer, audience: GATEWAY_AUDIENCE });
    expect(payload.sub).toBe(PRACTITIONER.sub);
    expect(payload.mash_roles).toEqual(PRACTITIONER.mash_roles);
    expect(payload.mash_agency).toBe(PRACTITIONER.mash_agency);
  });

  it("refuses a callback whose state is not the one it sent", async () => {
    const attacker = new CookieJar();
    await attacker.fetch(`${web}/sign-in`);
    const forged = await attacker.fetch(`${web}/sign-in/callback?code=stolen&state=not-mine`);
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain("Sign-in failed");
    const queue = await attacker.fetch(`${web}/work-queue`);
    expect(queue.status).toBe(303);
  });

  it("signs out of the front end and of the provider", async () => {
    const page = await (await browser.fetch(`${web}/work-queue`)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const out = await browser.fetch(`${web}/sign-out`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(out.status).toBe(303);
    const endSession = locationOf(out, web);
    expect(endSession.origin).toBe(issuer);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${web}/signed-out`);
    expect(endSession.searchParams.get("id_token_hint")).toBeTruthy();
    // The front end's session is gone at once.
    expect((await browser.fetch(`${web}/work-queue`)).status).toBe(303);

    // The provider asks to confirm (its own CSRF token), then returns to the front end.
    const confirm = await browser.fetch(endSession);
    const form = await confirm.text();
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const done = await browser.fetch(new URL(action, issuer), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
    });
    expect(locationOf(done, issuer).toString()).toBe(`${web}/signed-out`);

    // Signed out at the provider too: a new sign-in meets its login again.
    const again = locationOf(await browser.fetch(`${web}/sign-in`), web);
    const login = locationOf(await browser.fetch(again), issuer);
    expect(login.pathname).toMatch(/^\/interaction\//);
  });
});
