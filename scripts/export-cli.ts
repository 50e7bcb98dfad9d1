import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { exportRecords } from "@mash/agency-kit/import/export-records";
import { openAgencyDatabase, targetFromEnv } from "@mash/agency-kit/import/open-agency-database";
import { describeTarget } from "@mash/platform/db/target";
import { importableAgency, UsageError } from "./agency-imports.js";

// `npm run export -- --agency police --file out.jsonl`: writes everything an agency holds in the
// import format (docs/import-format.md). Importing the file back changes nothing.

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { agency: { type: "string" }, file: { type: "string" } },
  });
  const agency = await importableAgency(values.agency);
  if (!values.file) throw new UsageError("--file <out.jsonl> is required");
  const target = targetFromEnv(agency.definition.agency);
  process.stderr.write(`Exporting from ${describeTarget(target)}\n`);
  const database = await openAgencyDatabase(agency.definition, target);
  try {
    const output = createWriteStream(values.file);
    const counts = await exportRecords(database.db, agency.agencyImport.recordTypes, output);
    output.end();
    await finished(output);
    process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `export failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
