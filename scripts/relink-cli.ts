import { parseArgs } from "node:util";
import { openAgencyDatabase, targetFromEnv } from "@mash/agency-kit/import/open-agency-database";
import { describeTarget } from "@mash/platform/db/target";
import type { AgencyMatching } from "@mash/record-linkage/agency-matching";
import type { LinkageOutcome } from "@mash/record-linkage/link-records";
import { SingleBar } from "cli-progress";
import { importableAgency, UsageError } from "./agency-imports.js";

// `npm run relink -- --agency police`: runs linkage again over every record the agency holds,
// against every subject it knows (after a change of matching rules or weights). Idempotent: what
// is unchanged is not written; researchers' decisions (confirmed, rejected, revoked) are never
// moved; automatic links the evidence no longer supports are withdrawn and put to the researcher.
// A progress bar on stderr, the summary as JSON on stdout.

const MATCHING: Record<string, () => Promise<AgencyMatching>> = {
  police: async () => (await import("@mash/police/matching")).policeMatching,
  health: async () => (await import("@mash/health/matching")).healthMatching,
  probation: async () => (await import("@mash/probation/matching")).probationMatching,
};

function summary(outcome: LinkageOutcome, seconds: number): string {
  return [
    `${outcome.records} records linked again in ${seconds.toFixed(1)} s:`,
    `  ${outcome.linked} new automatic links, ${outcome.proposed} new proposals,`,
    `  ${outcome.withdrawn} automatic links withdrawn, ${outcome.conflicts} records in conflict,`,
    `  ${outcome.unmatched} records matching no subject`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { agency: { type: "string" } } });
  const loadMatching = values.agency ? MATCHING[values.agency] : undefined;
  if (!loadMatching) {
    throw new UsageError(`--agency must be one of ${Object.keys(MATCHING).join(", ")}`);
  }
  const agency = await importableAgency(values.agency);
  const matching = await loadMatching();
  const target = targetFromEnv(agency.definition.agency);
  process.stderr.write(`Linking ${values.agency}'s records again in ${describeTarget(target)}\n`);
  const database = await openAgencyDatabase(agency.definition, target);
  const bar = new SingleBar({
    format:
      "linkage [{bar}] {percentage}% | {value}/{total} records | {linked} linked, {proposed} proposed",
    stream: process.stderr,
    hideCursor: true,
  });
  const started = performance.now();
  try {
    let begun = false;
    const outcome = await matching.relinkAll(database.db, (done, total, sofar) => {
      if (!begun) {
        bar.start(total, 0, { linked: 0, proposed: 0 });
        begun = true;
      }
      bar.update(done, { linked: sofar.linked, proposed: sofar.proposed });
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ agency: values.agency, ...outcome, seconds })}\n`);
    process.stderr.write(`${summary(outcome, seconds)}\n`);
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`relink failed: ${message}\n`);
    if (!(error instanceof UsageError) && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
