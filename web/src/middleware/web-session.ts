import RedisStore from "connect-redis";
import type { RequestHandler } from "express";
import session from "express-session";
import { Redis } from "ioredis";

/**
 * Sessions: an opaque id in a cookie (HttpOnly, SameSite=Lax, Secure when served over HTTPS),
 * the session itself on the server: in Redis when REDIS_URL is set (replicas share it), in memory
 * otherwise (one process only). The practitioner's token lives in the session, never in a cookie.
 */
export function webSession(options: {
  secret: string;
  minutes: number;
  secure: boolean;
  redisUrl: string | undefined;
}): { handler: RequestHandler; close(): Promise<void> } {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { lazyConnect: false }) : undefined;
  const store = redis ? new RedisStore({ client: redis, prefix: "mash-web:session:" }) : undefined;
  const handler = session({
    name: "mash.sid",
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    ...(store ? { store } : {}),
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secure,
      maxAge: options.minutes * 60_000,
    },
  });
  return {
    handler,
    close: async () => {
      await redis?.quit();
    },
  };
}
