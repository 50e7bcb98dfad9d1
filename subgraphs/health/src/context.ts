import type { BaseRequestContext } from "@mash/platform/subgraph/define-subgraph";
import { createLoaders, type HealthDatabase, type HealthLoaders } from "./loaders.js";

export interface HealthContext extends BaseRequestContext {
  db: HealthDatabase;
  loaders: HealthLoaders;
  /** The request's clock: "active" flags and "last 12 months" are judged against it. */
  now: Date;
}

export function createContext(base: BaseRequestContext, db: HealthDatabase): HealthContext {
  const now = new Date();
  return { ...base, db, loaders: createLoaders(db), now };
}
