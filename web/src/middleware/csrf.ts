import { csrfSync } from "csrf-sync";
import type { ErrorRequestHandler, RequestHandler } from "express";

/**
 * CSRF protection (synchronizer token, csrf-sync): every form carries the session's token in a
 * hidden field, and every POST without it is refused with 403.
 */
export function csrfProtection(): {
  token: RequestHandler;
  protect: RequestHandler;
  refused: ErrorRequestHandler;
} {
  const { generateToken, csrfSynchronisedProtection, invalidCsrfTokenError } = csrfSync({
    getTokenFromRequest: (request) => request.body?._csrf,
  });
  return {
    token: (request, response, next) => {
      response.locals.csrfToken = generateToken(request);
      next();
    },
    protect: csrfSynchronisedProtection,
    refused: (error, _request, response, next) => {
      if (error !== invalidCsrfTokenError) return next(error);
      response.status(403).render("pages/error.njk", {
        title: "This form has expired",
        message: "Go back, reload the page and try again.",
      });
    },
  };
}
