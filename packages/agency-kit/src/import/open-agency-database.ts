import { fileURLToPath } from "node:url";
import { agencyEnvPrefix } from "@mash/platform/config/subgraph-config";
import { type AgencyDatabase, openDatabase } from "@mash/platform/db/connect";
import { type DatabaseTarget, resolveDatabaseTarget } from "@mash/platform/db/target";

/** What the import and export commands need of a subgraph definition. */
export interface AgencyStore<TTables extends Record<string, unknown>> {
  agency: string;
  packageRoot: URL;
  tables: TTables;
}

/** The agency's store as the subgraph would pick it from the same environment. */
export function targetFromEnv(
  agency: string,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  return resolveDatabaseTarget(agency, {
    agencyUrl: env[`${agencyEnvPrefix(agency)}_DATABASE_URL`],
    sharedUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
  });
}

/** Opens the agency's database and applies its migrations (an import may be its first use). */
export async function openAgencyDatabase<TTables extends Record<string, unknown>>(
  store: AgencyStore<TTables>,
  target: DatabaseTarget,
): Promise<AgencyDatabase<TTables>> {
  const database = await openDatabase({ target, schema: store.tables, maxConnections: 2 });
  await database.migrate(fileURLToPath(new URL("src/db/migrations", store.packageRoot)));
  return database;
}
