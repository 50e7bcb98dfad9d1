/**
 * `npm run bank-holidays:update [-- --file <downloaded.json>] [--url <url>] [--out <file>]`:
 * refreshes social care's bank holiday data from the UK government's published list (the same
 * JSON format), validates it, keeps past dates the new list no longer carries, and writes it
 * sorted. Run it each year (the service warns well before the data runs out) and commit the file.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type BankHolidayFile,
  DEFAULT_BANK_HOLIDAYS_FILE,
  DIVISIONS,
  parseBankHolidayFile,
} from "./bank-holidays.js";

const PUBLISHED = "https://www.gov.uk/bank-holidays.json";

/** The new list, with the old list's events from before it begins (the published list drops old years). */
export function mergeBankHolidays(
  previous: BankHolidayFile,
  latest: BankHolidayFile,
): BankHolidayFile {
  const merged: BankHolidayFile = {};
  for (const division of DIVISIONS) {
    const fresh = latest[division]?.events ?? [];
    const old = previous[division]?.events ?? [];
    if (fresh.length === 0 && old.length === 0) continue;
    const first = fresh.map((event) => event.date).sort()[0] ?? "9999-12-31";
    const events = [...old.filter((event) => event.date < first), ...fresh].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    merged[division] = { division, events };
  }
  return merged;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: "string" },
      url: { type: "string", default: PUBLISHED },
      out: { type: "string", default: fileURLToPath(DEFAULT_BANK_HOLIDAYS_FILE) },
    },
  });
  const source = values.file ?? values.url;
  const text = values.file ? await readFile(values.file, "utf8") : await fetchText(values.url);
  const latest = parseBankHolidayFile(text, source);
  const previous = parseBankHolidayFile(await readFile(values.out, "utf8"), values.out);
  const merged = mergeBankHolidays(previous, latest);
  await writeFile(values.out, `${JSON.stringify(merged, null, 2)}\n`);
  for (const [division, data] of Object.entries(merged)) {
    const dates = data.events.map((event) => event.date);
    process.stdout.write(
      `${division}: ${dates.length} bank holidays, ${dates[0]} to ${dates.at(-1)}\n`,
    );
  }
  process.stdout.write(`Written to ${values.out}: commit it.\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      process.stderr.write(`Bank holidays not updated: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
