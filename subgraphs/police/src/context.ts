import type { BaseRequestContext } from "@mash/platform/subgraph/define-subgraph";
import { createLoaders, type PoliceDatabase, type PoliceLoaders } from "./loaders.js";

export interface PoliceContext extends BaseRequestContext {
  db: PoliceDatabase;
  loaders: PoliceLoaders;
  /** The request's clock: "the last 12 months" is judged against it. */
  now: Date;
}

export function createContext(base: BaseRequestContext, db: PoliceDatabase): PoliceContext {
  const now = new Date();
  return { ...base, db, loaders: createLoaders(db), now };
}
