import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Security headers (helmet): a Content-Security-Policy allowing only this site's own styles,
 * scripts and fonts, plus the one inline script the GOV.UK template needs, by a per-response nonce.
 */
export function webSecurity(secure: boolean): RequestHandler[] {
  const nonce: RequestHandler = (_request, response, next) => {
    response.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  return [
    nonce,
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: [
            "'self'",
            (_request, response) =>
              `'nonce-${(response as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`,
          ],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: secure ? [] : null,
        },
      },
      strictTransportSecurity: secure,
      crossOriginEmbedderPolicy: true,
    }),
  ];
}
