import type { BaseRequestContext } from "./define-subgraph.js";

/** What every agency's resolvers receive: the request's base, its database, loaders and clock. */
export interface RequestContext<TDatabase, TLoaders> extends BaseRequestContext {
  db: TDatabase;
  /** Request-scoped DataLoaders: nothing is cached across callers. */
  loaders: TLoaders;
  /** The request's clock: "current", "active" and "the last 12 months" are judged against it. */
  now: Date;
}

/**
 * A subgraph's `createContext`: fresh loaders for every request, built over the request's one
 * clock, so that every field of one answer judges time alike.
 */
export function requestContext<TDatabase, TLoaders>(
  createLoaders: (db: TDatabase, now: () => Date) => TLoaders,
) {
  return (base: BaseRequestContext, db: TDatabase): RequestContext<TDatabase, TLoaders> => {
    const now = new Date();
    return { ...base, db, loaders: createLoaders(db, () => now), now };
  };
}
