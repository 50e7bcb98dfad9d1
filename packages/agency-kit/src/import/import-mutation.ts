import { Readable } from "node:stream";
import type { Database } from "@mash/platform/db/connect";
import { badUserInput } from "@mash/platform/graphql/errors";
import type { AgencyImport } from "./agency-import.js";
import { importRecords } from "./import-records.js";
import type { ImportReport } from "./import-report.js";

/**
 * The largest import the mutation takes. The HTTP server refuses bodies over 1 MiB, so this leaves
 * room for the rest of the request; anything larger goes through `npm run import`, which streams.
 */
export const MAX_MUTATION_IMPORT_BYTES = 900_000;

/** `import<Agency>Records`: the same engine as the command, over the submitted text. */
export async function importFromMutation<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  agency: AgencyImport<TSchema>,
  records: string,
): Promise<ImportReport> {
  const bytes = Buffer.byteLength(records, "utf8");
  if (bytes > MAX_MUTATION_IMPORT_BYTES) {
    throw badUserInput(
      `The import is ${bytes} bytes; the mutation takes at most ${MAX_MUTATION_IMPORT_BYTES}. Split the export, or load it with \`npm run import\`.`,
      { field: "records", reason: "too large" },
    );
  }
  return importRecords({ db, agency, input: Readable.from([records]) });
}
