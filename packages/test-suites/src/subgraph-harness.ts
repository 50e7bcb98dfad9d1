import { ANONYMOUS } from "@mash/platform/authorization/subgraph-authorization";
import type {
  BaseRequestContext,
  SubgraphDefinition,
} from "@mash/platform/subgraph/define-subgraph";
import type { SeedRequest } from "@mash/platform/subgraph/seeding";
import { type PreparedSubgraph, prepareSubgraph } from "@mash/platform/subgraph/start-subgraph";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import type { TestDatabase } from "./test-databases.js";

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

export interface SubgraphHarness<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
> {
  prepared: PreparedSubgraph<TTables, TContext>;
  /**
   * Runs an operation in-process, exactly as an HTTP request would be resolved once the gateway's
   * signature is verified: as the harness's caller unless another authority is given.
   */
  execute(
    query: string,
    variables?: Record<string, unknown>,
    authority?: RequestAuthority,
  ): Promise<GraphQLResult>;
  /** Runs an operation and counts the SQL statements it sent. */
  countStatements(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ result: GraphQLResult; statements: number; writes: number }>;
  close(): Promise<void>;
}

/** A subgraph on a fresh test database, migrated and seeded with a small synthetic world. */
export async function startSubgraphHarness<
  TTables extends Record<string, unknown>,
  TContext extends BaseRequestContext,
>(
  definition: SubgraphDefinition<TTables, TContext>,
  database: TestDatabase,
  /** The agency's development seeder (`dev/seed.ts`) and the synthetic world to seed. */
  seed: SeedRequest<TTables>,
  /** Who the tests ask as by default (see `allSeeingAuthority`). */
  caller: RequestAuthority = ANONYMOUS,
): Promise<SubgraphHarness<TTables, TContext>> {
  const created = await database.create(definition.agency);
  const prepared = await prepareSubgraph(definition, { target: created.target, seed });
  await prepared.apollo.start();
  let requests = 0;
  const execute = async (
    query: string,
    variables?: Record<string, unknown>,
    authority: RequestAuthority = caller,
  ) => {
    requests += 1;
    const response = await prepared.apollo.executeOperation(
      { query, ...(variables ? { variables } : {}) },
      { contextValue: prepared.contextFor(`test-${requests}`, authority) },
    );
    if (response.body.kind !== "single") throw new Error("Expected a single result");
    // Through JSON, as an HTTP client would see it: DateTime values become ISO strings.
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphQLResult;
  };
  return {
    prepared,
    execute,
    countStatements: async (query, variables) => {
      return prepared.database.statements.measure(() => execute(query, variables));
    },
    close: async () => {
      await prepared.apollo.stop();
      await prepared.database.close();
      await created.drop();
    },
  };
}
