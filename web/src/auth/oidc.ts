import { Router } from "express";
import * as client from "openid-client";
import type { Logger } from "pino";
import type { SignIn } from "../config.js";
import { userFromToken } from "./session-user.js";

/**
 * Sign-in with any OpenID Connect provider: authorization code flow with PKCE (S256), state and
 * nonce, as openid-client implements it. The provider's access token (a JWT the gateway verifies
 * against the same issuer's keys, carrying `mash_roles`) is kept in the session on the server and
 * refreshed with the refresh token when it expires.
 */

export interface OidcSignIn {
  router: Router;
  /** A fresh access token when the session's has expired; null when it cannot be refreshed. */
  refresh(
    refreshToken: string,
  ): Promise<{ token: string; expiresAt: number; refreshToken?: string } | null>;
  endSessionUrl(idToken: string | undefined, returnTo: string): string | null;
}

export async function oidcSignIn(
  settings: Extract<SignIn, { kind: "oidc" }>,
  publicUrl: URL,
  logger: Logger,
): Promise<OidcSignIn> {
  const options =
    settings.issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined;
  const configuration = await client.discovery(
    settings.issuer,
    settings.clientId,
    settings.clientSecret,
    undefined,
    options,
  );
  const redirectUri = new URL("/sign-in/callback", publicUrl).toString();
  const router = Router();

  router.get("/sign-in", async (request, response) => {
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const returnTo = typeof request.query.returnTo === "string" ? request.query.returnTo : "/";
    request.session.oidc = { codeVerifier, state, nonce, returnTo };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    request.session.save(() => response.redirect(303, url.toString()));
  });

  router.get("/sign-in/callback", async (request, response) => {
    const pending = request.session.oidc;
    if (!pending) return response.redirect(303, "/sign-in");
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(request.originalUrl, publicUrl),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        },
      );
    } catch (error) {
      logger.warn({ error: (error as Error).name }, "sign-in refused");
      return response.status(401).render("pages/error.njk", {
        title: "Sign-in failed",
        message: "Your identity provider did not confirm who you are. Try signing in again.",
      });
    }
    const { user, expiresAt } = userFromToken(tokens.access_token);
    request.session.regenerate((error) => {
      if (error) throw error;
      request.session.user = user;
      request.session.token = tokens.access_token;
      request.session.tokenExpiresAt = expiresAt;
      if (tokens.refresh_token) request.session.refreshToken = tokens.refresh_token;
      if (tokens.id_token) request.session.idToken = tokens.id_token;
      const target =
        pending.returnTo.startsWith("/") && !pending.returnTo.startsWith("//")
          ? pending.returnTo
          : "/";
      request.session.save(() => response.redirect(303, target));
    });
  });

  return {
    router,
    async refresh(refreshToken) {
      try {
        const tokens = await client.refreshTokenGrant(configuration, refreshToken);
        return {
          token: tokens.access_token,
          expiresAt: userFromToken(tokens.access_token).expiresAt,
          ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
        };
      } catch {
        return null;
      }
    },
    endSessionUrl(idToken, returnTo) {
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return client
        .buildEndSessionUrl(configuration, {
          post_logout_redirect_uri: new URL(returnTo, publicUrl).toString(),
          ...(idToken ? { id_token_hint: idToken } : {}),
        })
        .toString();
    },
  };
}
