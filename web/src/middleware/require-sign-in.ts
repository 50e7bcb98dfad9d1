import type { RequestHandler } from "express";
import type { OidcSignIn } from "../auth/oidc.js";

/** Token refresh this long before expiry, so a page never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Every page but sign-in needs a signed-in practitioner with a live token: an expired one is
 * refreshed (OIDC) or the practitioner signs in again, coming back to the page they asked for.
 */
export function requireSignIn(oidc: OidcSignIn | undefined): RequestHandler {
  return async (request, response, next) => {
    const { session } = request;
    const expired = (session.tokenExpiresAt ?? 0) - REFRESH_MARGIN_MS < Date.now();
    if (session.user && session.token && !expired) {
      response.locals.user = session.user;
      return next();
    }
    if (session.user && session.refreshToken && oidc) {
      const fresh = await oidc.refresh(session.refreshToken);
      if (fresh) {
        session.token = fresh.token;
        session.tokenExpiresAt = fresh.expiresAt;
        if (fresh.refreshToken) session.refreshToken = fresh.refreshToken;
        response.locals.user = session.user;
        return next();
      }
    }
    const returnTo = request.method === "GET" ? request.originalUrl : "/";
    return response.redirect(303, `/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  };
}
