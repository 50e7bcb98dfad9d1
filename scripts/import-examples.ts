import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { exportRecords } from "@mash/agency-kit/import/export-records";
import { openAgencyDatabase } from "@mash/agency-kit/import/open-agency-database";
import {
  developmentSeeder,
  IMPORTABLE_AGENCY_NAMES,
  type ImportableAgency,
  importableAgency,
} from "./agency-imports.js";

// `npm run import:examples`: one example export per agency in subgraphs/<agency>/import-examples/,
// made by seeding an in-memory database from a small synthetic world and exporting it. The world is
// deterministic from its seed, and the export orders everything, so the files only change when the
// generator or the format does.

/** Small enough to read, large enough that every record type appears. */
export const EXAMPLE_WORLD = { seed: 20261123, subjects: 150 };

export function examplePath(agency: ImportableAgency): string {
  const name = agency.definition.agency;
  return fileURLToPath(new URL(`import-examples/${name}.jsonl`, agency.definition.packageRoot));
}

async function writeExample(agency: ImportableAgency): Promise<Record<string, number>> {
  const database = await openAgencyDatabase(agency.definition, { kind: "pglite" });
  try {
    await (await developmentSeeder(agency.definition.agency)).seed(database.db, EXAMPLE_WORLD);
    const path = examplePath(agency);
    await mkdir(new URL("import-examples/", agency.definition.packageRoot), { recursive: true });
    const output = createWriteStream(path);
    const counts = await exportRecords(database.db, agency.agencyImport.recordTypes, output);
    output.end();
    await finished(output);
    return counts;
  } finally {
    await database.close();
  }
}

for (const name of IMPORTABLE_AGENCY_NAMES) {
  const counts = await writeExample(await importableAgency(name));
  process.stdout.write(`${name}: ${JSON.stringify(counts)}\n`);
}
