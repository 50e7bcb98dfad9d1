import type { BaseRequestContext } from "@mash/platform/subgraph/define-subgraph";
import { createLoaders, type ProbationDatabase, type ProbationLoaders } from "./loaders.js";

export interface ProbationContext extends BaseRequestContext {
  db: ProbationDatabase;
  loaders: ProbationLoaders;
  /** The request's clock: "current" cases and conditions are judged against it. */
  now: Date;
}

export function createContext(base: BaseRequestContext, db: ProbationDatabase): ProbationContext {
  const now = new Date();
  return { ...base, db, loaders: createLoaders(db), now };
}
