import type { AgencyImport } from "@mash/agency-kit/import/agency-import";
import type { SubgraphDefinition } from "@mash/platform/subgraph/define-subgraph";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";

/** One agency as the import, export and example commands see it. */
export interface ImportableAgency {
  // The four agencies' table sets differ; the commands only pass each agency's own values along.
  // biome-ignore lint/suspicious/noExplicitAny: a heterogeneous registry of the four agencies
  definition: SubgraphDefinition<any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  agencyImport: AgencyImport<any>;
}

// Loaded on demand: a command for one agency should not start by loading the other three.
const LOADERS: Record<string, () => Promise<ImportableAgency>> = {
  "social-care": async () => ({
    definition: (await import("@mash/social-care/subgraph")).socialCareSubgraph,
    agencyImport: (await import("@mash/social-care/import/social-care-import")).socialCareImport,
  }),
  police: async () => ({
    definition: (await import("@mash/police/subgraph")).policeSubgraph,
    agencyImport: (await import("@mash/police/import/police-import")).policeImport,
  }),
  health: async () => ({
    definition: (await import("@mash/health/subgraph")).healthSubgraph,
    agencyImport: (await import("@mash/health/import/health-import")).healthImport,
  }),
  probation: async () => ({
    definition: (await import("@mash/probation/subgraph")).probationSubgraph,
    agencyImport: (await import("@mash/probation/import/probation-import")).probationImport,
  }),
};

export const IMPORTABLE_AGENCY_NAMES = Object.keys(LOADERS);

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous registry of the four agencies
type AnySeeder = SubgraphSeeder<any>;

// Development only (examples, benchmarks): each agency's synthetic seed, from its dev/ folder.
const SEEDERS: Record<string, () => Promise<AnySeeder>> = {
  "social-care": async () => (await import("@mash/social-care/dev/seed")).socialCareSeeder,
  police: async () => (await import("@mash/police/dev/seed")).policeSeeder,
  health: async () => (await import("@mash/health/dev/seed")).healthSeeder,
  probation: async () => (await import("@mash/probation/dev/seed")).probationSeeder,
};

/** An agency's development seeder: fills an empty database with the synthetic world. */
export async function developmentSeeder(name: string): Promise<AnySeeder> {
  const load = SEEDERS[name];
  if (!load) throw new UsageError(`No agency called ${name}`);
  return load();
}

/** Bad command-line use: reported without a stack trace. */
export class UsageError extends Error {}

export async function importableAgency(name: string | undefined): Promise<ImportableAgency> {
  const load = name ? LOADERS[name] : undefined;
  if (load) return load();
  throw new UsageError(`--agency must be one of ${IMPORTABLE_AGENCY_NAMES.join(", ")}`);
}
