/** The longest caller-chosen request id kept. */
export const CLIENT_REQUEST_ID_MAX = 64;

/**
 * The id a caller sent in `x-request-id`, kept beside the gateway's own (never instead of it):
 * characters outside `A-Z a-z 0-9 . _ : -` dropped, at most 64 kept; null when nothing is left.
 */
export function clientRequestIdOf(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const kept = value.replace(/[^A-Za-z0-9._:-]/g, "").slice(0, CLIENT_REQUEST_ID_MAX);
  return kept.length > 0 ? kept : null;
}
