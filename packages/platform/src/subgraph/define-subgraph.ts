import type { GraphQLResolveInfo, GraphQLScalarType } from "graphql";
import type { SubgraphAuthorization } from "../authorization/subgraph-authorization.js";
import type { Database } from "../db/connect.js";
import type { Logger } from "../observability/logger.js";

/** What every request's resolvers can reach, whatever the agency. */
export interface BaseRequestContext {
  requestId: string;
  logger: Logger;
  /** Who is asking, as the gateway signed it; every protected field checks it. */
  auth: SubgraphAuthorization;
}

/** A field resolver, whatever its parent and arguments: each agency's generated types narrow them. */
type FieldResolver<TContext> = (
  parent: never,
  args: never,
  context: TContext,
  info: GraphQLResolveInfo,
) => unknown;

/** An entity's `__resolveReference`: Apollo calls it with the reference, not as a field resolver. */
type ReferenceResolver<TContext> = (
  reference: never,
  context: TContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * An agency's resolvers, as its `Resolvers` type (generated from its SDL by `npm run codegen`)
 * describes them: per type, field resolvers (`__resolveReference` with federation's signature), a
 * scalar, or an enum's internal values. Any generated `Resolvers` is assignable to it.
 */
export interface SubgraphResolvers<TContext> {
  [typeName: string]:
    | {
        [fieldName: string]:
          | FieldResolver<TContext>
          | { resolve: FieldResolver<TContext> }
          | ReferenceResolver<TContext>
          | undefined;
      }
    | { [enumValue: string]: string | number }
    | GraphQLScalarType
    | undefined;
}

/**
 * One agency subgraph: everything `startSubgraph` needs to run it, and tests need to build it.
 * Seeding is not part of it: see `SubgraphSeeder`, which only development entry points pass.
 */
export interface SubgraphDefinition<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  /** "social-care", "police", "health", "probation". */
  agency: string;
  defaultPort: number;
  /** The package folder (holds its SDL files and src/db/migrations). */
  packageRoot: URL;
  tables: TTables;
  resolvers: SubgraphResolvers<TContext>;
  /** Builds a request's context: fresh DataLoaders every request, so nothing is cached across callers. */
  createContext(base: BaseRequestContext, db: Database<TTables>): TContext;
  /**
   * Runs once the database is ready, before the service serves anything: check the agency's own
   * configuration (throw to refuse to start, naming what is wrong) and warn about what will go
   * wrong soon.
   */
  onStart?(context: { db: Database<TTables>; logger: Logger }): Promise<void> | void;
  /**
   * Work the running service does by itself (an agency's record linkage pulling social care's
   * subject feed), started once it serves and stopped before its database closes. Read its own
   * configuration from `env` (throw a ConfigurationError to refuse to start); null for none.
   */
  background?(context: {
    db: Database<TTables>;
    logger: Logger;
    env: NodeJS.ProcessEnv;
  }): BackgroundWork | null;
}

/** Something a running subgraph does by itself; stopping it waits for the round in progress. */
export interface BackgroundWork {
  stop(): Promise<void>;
}
