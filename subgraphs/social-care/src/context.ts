import type { BaseRequestContext } from "@mash/platform/subgraph/define-subgraph";
import { createLoaders, type SocialCareDatabase, type SocialCareLoaders } from "./loaders.js";

export interface SocialCareContext extends BaseRequestContext {
  db: SocialCareDatabase;
  loaders: SocialCareLoaders;
  /** The request's clock: "current" plans and "last 12 months" are judged against it. */
  now: Date;
}

export function createContext(base: BaseRequestContext, db: SocialCareDatabase): SocialCareContext {
  return { ...base, db, loaders: createLoaders(db), now: new Date() };
}
