import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importRecords } from "@mash/agency-kit/import/import-records";
import { summariseReport } from "@mash/agency-kit/import/import-report";
import { openAgencyDatabase, targetFromEnv } from "@mash/agency-kit/import/open-agency-database";
import { describeTarget } from "@mash/platform/db/target";
import { importableAgency, UsageError } from "./agency-imports.js";

// `npm run import -- --agency police --file export.jsonl`: loads an agency's export into its own
// database (the one the subgraph uses, from the same environment). Prints the report as JSON on
// stdout and a summary on stderr. Exit 0: all imported; 2: some records rejected; 1: failure.

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      agency: { type: "string" },
      file: { type: "string" },
      "batch-size": { type: "string" },
    },
  });
  const agency = await importableAgency(values.agency);
  if (!values.file) throw new UsageError("--file <export.jsonl> is required");
  await access(values.file).catch(() => {
    throw new UsageError(`cannot read ${values.file}`);
  });
  const target = targetFromEnv(agency.definition.agency);
  process.stderr.write(`Importing into ${describeTarget(target)}\n`);
  const database = await openAgencyDatabase(agency.definition, target);
  try {
    const report = await importRecords({
      db: database.db,
      agency: agency.agencyImport,
      input: createReadStream(values.file),
      ...(values["batch-size"] ? { batchSize: Number(values["batch-size"]) } : {}),
    });
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ ...report, peakRssMb }, null, 2)}\n`);
    process.stderr.write(`${summariseReport(report)}\n  peak RSS ${peakRssMb} MB\n`);
    return report.rejected > 0 ? 2 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`import failed: ${message}\n`);
    if (!(error instanceof UsageError) && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
