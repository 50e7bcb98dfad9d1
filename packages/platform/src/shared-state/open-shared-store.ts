import { z } from "zod";
import { parseEnv } from "../config/parse-env.js";
import { createMemoryStore } from "./memory-store.js";
import { openRedisStore } from "./redis-store.js";
import type { SharedStore } from "./shared-store.js";

export interface SharedStoreConfig {
  /** Redis when set: replicas share state through it. */
  redisUrl: string | undefined;
  keyPrefix: string;
}

export function loadSharedStoreConfig(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): SharedStoreConfig {
  const parsed = parseEnv(
    service,
    z.object({
      REDIS_URL: z
        .string()
        .refine((value) => /^rediss?:\/\/\S+$/.test(value) && URL.canParse(value), {
          message: "expected a redis:// or rediss:// URL",
        })
        .optional(),
      REDIS_KEY_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "letters, digits and : _ . - only (1 to 64)")
        .default("mash:"),
    }),
    env,
  );
  return { redisUrl: parsed.REDIS_URL, keyPrefix: parsed.REDIS_KEY_PREFIX };
}

/** Redis when `REDIS_URL` is set (refusing to start if it cannot be reached), memory otherwise. */
export async function openSharedStore(
  service: string,
  config: SharedStoreConfig,
): Promise<SharedStore> {
  if (!config.redisUrl) return createMemoryStore();
  return openRedisStore({ url: config.redisUrl, keyPrefix: config.keyPrefix, service });
}
