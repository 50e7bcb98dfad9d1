import { HeaderMap } from "@apollo/server";
import { parseEnv } from "@mash/platform/config/parse-env";
import { ErrorCode } from "@mash/platform/graphql/errors";
import type { SharedStore } from "@mash/platform/shared-state/shared-store";
import { GraphQLError } from "graphql";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { z } from "zod";

/**
 * Budgets per caller, each over its own window. A signed-in caller is counted by their id (so one
 * practitioner's burst cannot use another's budget, whatever network they are on); an anonymous
 * one, and every failed sign-in, by address.
 */
export interface RateLimitConfig {
  /** Queries per caller per minute. */
  readsPerMinute: number;
  /** Mutations per caller per minute. */
  writesPerMinute: number;
  /** Failed sign-ins (a bad or expired token) per address per 15 minutes, then 429 until it ends. */
  failedSignInsPer15Minutes: number;
}

/** Generous for a practitioner at a screen or a front end serving one; fatal to a script. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  readsPerMinute: 600,
  writesPerMinute: 60,
  failedSignInsPer15Minutes: 10,
};

export function loadRateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  const budget = (fallback: number) =>
    z.coerce.number().int().min(1).max(10_000_000).default(fallback);
  const parsed = parseEnv(
    "gateway",
    z.object({
      RATE_LIMIT_READS: budget(DEFAULT_RATE_LIMITS.readsPerMinute),
      RATE_LIMIT_WRITES: budget(DEFAULT_RATE_LIMITS.writesPerMinute),
      RATE_LIMIT_FAILED_SIGN_INS: budget(DEFAULT_RATE_LIMITS.failedSignInsPer15Minutes),
    }),
    env,
  );
  return {
    readsPerMinute: parsed.RATE_LIMIT_READS,
    writesPerMinute: parsed.RATE_LIMIT_WRITES,
    failedSignInsPer15Minutes: parsed.RATE_LIMIT_FAILED_SIGN_INS,
  };
}

export type Budget = "reads" | "writes" | "failed-sign-ins";

export interface RateLimits {
  /** Spends one unit of `budget` for `caller`; throws a 429 RATE_LIMITED error when none is left. */
  spend(budget: Exclude<Budget, "failed-sign-ins">, caller: string): Promise<void>;
  /** Throws a 429 while `address` has used up its failed sign-ins. */
  checkSignIns(address: string): Promise<void>;
  /** Counts one failed sign-in from `address`. */
  signInFailed(address: string): Promise<void>;
}

/** The 429 a caller gets: when to try again, in seconds, as a header and in the error. */
export function rateLimited(budget: Budget, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const what =
    budget === "failed-sign-ins"
      ? "Too many failed sign-ins from this address."
      : `Too many ${budget === "reads" ? "queries" : "changes"} in a short time.`;
  return new GraphQLError(`${what} Try again in ${seconds} s.`, {
    extensions: {
      code: ErrorCode.RateLimited,
      budget,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(seconds)]]) },
    },
  });
}

function limiter(
  store: SharedStore,
  keyPrefix: string,
  points: number,
  duration: number,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration });
  if (!store.redis) return memory;
  // Shared by every replica through Redis. If Redis cannot answer, each replica falls back to
  // counting on its own rather than letting everything through or refusing everyone.
  return new RateLimiterRedis({
    storeClient: store.redis,
    keyPrefix: `rate-limit:${keyPrefix}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * `refused` hears of every 429 with its budget (the gateway counts them in
 * `mash_rate_limit_refusals_total`); never the caller or the address, which are personal data.
 */
export function createRateLimits(
  store: SharedStore,
  config: RateLimitConfig,
  refused: (budget: Budget) => void = () => undefined,
): RateLimits {
  const refuse = (budget: Budget, msBeforeNext: number): GraphQLError => {
    refused(budget);
    return rateLimited(budget, msBeforeNext);
  };
  const budgets = {
    reads: limiter(store, "reads", config.readsPerMinute, 60),
    writes: limiter(store, "writes", config.writesPerMinute, 60),
    "failed-sign-ins": limiter(store, "failed-sign-ins", config.failedSignInsPer15Minutes, 900),
  } satisfies Record<Budget, RateLimiterAbstract>;

  return {
    async spend(budget, caller) {
      try {
        await budgets[budget].consume(caller);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw refuse(budget, rejection.msBeforeNext);
        throw rejection;
      }
    },
    async checkSignIns(address) {
      const used = await budgets["failed-sign-ins"].get(address);
      if (used && used.consumedPoints >= config.failedSignInsPer15Minutes) {
        throw refuse("failed-sign-ins", used.msBeforeNext);
      }
    },
    async signInFailed(address) {
      // Counting the failure is what matters; the next attempt is the one refused.
      await budgets["failed-sign-ins"].consume(address).catch(() => undefined);
    },
  };
}
