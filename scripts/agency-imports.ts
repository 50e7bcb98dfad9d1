import { healthImport } from "@mash/health/import/health-import";
import { healthSubgraph } from "@mash/health/subgraph";
import { policeImport } from "@mash/police/import/police-import";
import { policeSubgraph } from "@mash/police/subgraph";
import { probationImport } from "@mash/probation/import/probation-import";
import { probationSubgraph } from "@mash/probation/subgraph";
import type { AgencyImport } from "@mash/runtime/import/agency-import";
import type { SubgraphDefinition } from "@mash/runtime/subgraph/define-subgraph";
import { socialCareImport } from "@mash/social-care/import/social-care-import";
import { socialCareSubgraph } from "@mash/social-care/subgraph";

/** One agency as the import, export and example commands see it. */
export interface ImportableAgency {
  // The four agencies' table sets differ; the commands only pass each agency's own values along.
  // biome-ignore lint/suspicious/noExplicitAny: a heterogeneous registry of the four agencies
  definition: SubgraphDefinition<any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  agencyImport: AgencyImport<any>;
}

export const IMPORTABLE_AGENCIES: Record<string, ImportableAgency> = {
  "social-care": { definition: socialCareSubgraph, agencyImport: socialCareImport },
  police: { definition: policeSubgraph, agencyImport: policeImport },
  health: { definition: healthSubgraph, agencyImport: healthImport },
  probation: { definition: probationSubgraph, agencyImport: probationImport },
};

export function importableAgency(name: string | undefined): ImportableAgency {
  const agency = name ? IMPORTABLE_AGENCIES[name] : undefined;
  if (agency) return agency;
  const known = Object.keys(IMPORTABLE_AGENCIES).join(", ");
  throw new UsageError(`--agency must be one of ${known}`);
}

/** Bad command-line use: reported without a stack trace. */
export class UsageError extends Error {}
