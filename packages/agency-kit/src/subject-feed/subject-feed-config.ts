import {
  ConfigurationError,
  envSchemas,
  parseEnv,
  refuseOutsideDevelopment,
} from "@mash/platform/config/parse-env";
import { z } from "zod";

export interface SubjectFeedConfig {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** Where the token comes from: a file the identity provider's client keeps fresh, or (development) signed here. */
  token: { kind: "file"; path: string } | { kind: "development" };
  /** Between pulls, in milliseconds. */
  intervalMs: number;
}

const httpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
  message: "expected an http:// or https:// URL",
});

/**
 * The agency's subject feed, from `SUBJECT_FEED_URL` (the gateway's /graphql), with
 * `SUBJECT_FEED_TOKEN_FILE` (production) or `SUBJECT_FEED_DEV_TOKEN=true` (development and tests
 * only), every `SUBJECT_FEED_INTERVAL_MS` (default 5 s). Off (null) when no URL is set: the agency
 * then learns subjects only when it re-links (`npm run relink`). A URL without a way to
 * authenticate is refused rather than left to fail on every pull.
 */
export function loadSubjectFeedConfig(
  agency: string,
  env: NodeJS.ProcessEnv = process.env,
): SubjectFeedConfig | null {
  const parsed = parseEnv(
    agency,
    z.object({
      NODE_ENV: envSchemas.nodeEnv(),
      SUBJECT_FEED_URL: httpUrl.optional(),
      SUBJECT_FEED_TOKEN_FILE: z.string().min(1).optional(),
      SUBJECT_FEED_DEV_TOKEN: envSchemas.boolean(false),
      SUBJECT_FEED_INTERVAL_MS: envSchemas.duration(5_000, 3_600_000).pipe(z.number().min(100)),
    }),
    env,
  );
  if (parsed.SUBJECT_FEED_DEV_TOKEN) {
    refuseOutsideDevelopment(agency, parsed.NODE_ENV, [
      { variable: "SUBJECT_FEED_DEV_TOKEN", value: "true", allowedIn: ["development", "test"] },
    ]);
  }
  if (!parsed.SUBJECT_FEED_URL) return null;
  if (!parsed.SUBJECT_FEED_TOKEN_FILE && !parsed.SUBJECT_FEED_DEV_TOKEN) {
    throw new ConfigurationError(
      `Invalid configuration for ${agency}:\n  SUBJECT_FEED_URL is set but the feed has no token: set SUBJECT_FEED_TOKEN_FILE (a linkage-service token from your identity provider)`,
    );
  }
  return {
    url: parsed.SUBJECT_FEED_URL,
    token: parsed.SUBJECT_FEED_TOKEN_FILE
      ? { kind: "file", path: parsed.SUBJECT_FEED_TOKEN_FILE }
      : { kind: "development" },
    intervalMs: parsed.SUBJECT_FEED_INTERVAL_MS,
  };
}
