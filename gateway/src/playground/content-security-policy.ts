/**
 * The playground's Content-Security-Policy: everything from the gateway itself, nothing from
 * anywhere else. Scripts only from files it serves (no inline script, no eval), which is what
 * stops injected markup from running code. Styles also allow inline: the editor (Monaco) and
 * GraphiQL's components write their theme and layout styles at run time, and a style cannot run
 * code. Fonts and images also come as data: URLs from the bundled stylesheet.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Sent with the page and every asset. */
export const PLAYGROUND_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": PLAYGROUND_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};
