/**
 * `npm run token -- <persona> [--expires 30m]`: prints a development access token for a persona.
 * Only the token goes to stdout so that `TOKEN=$(npm run --silent token -- police-officer)` works;
 * usage and errors go to stderr.
 */
import { parseArgs } from "node:util";
import { findPersona, PERSONAS } from "@mash/schema/authorization/personas";
import { issueDevToken } from "./issue-token.js";

function usage(): string {
  const width = Math.max(...PERSONAS.map((persona) => persona.key.length));
  const rows = PERSONAS.map(
    (persona) =>
      `  ${persona.key.padEnd(width)}  ${persona.displayName} (${persona.agency}) - ${persona.description}`,
  );
  return [
    "Usage: npm run token -- <persona> [--expires 8h]",
    "",
    "Prints a development access token, signed with the committed dev key (never valid in production).",
    "",
    "Personas:",
    ...rows,
    "",
    "Example: TOKEN=$(npm run --silent token -- social-worker)",
    '         curl -H "Authorization: Bearer $TOKEN" ...',
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage()}\n`);
    return 1;
  }
  const { positionals, values } = parsed;
  const [key, ...extra] = positionals;
  const persona = key === undefined ? undefined : findPersona(key);
  if (!persona || extra.length > 0 || values.help) {
    const problem = key === undefined || values.help ? "" : `Unknown persona "${key}".\n\n`;
    process.stderr.write(`${problem}${usage()}\n`);
    return 1;
  }
  try {
    const token = await issueDevToken(persona, { expiresIn: values.expires });
    process.stdout.write(`${token}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      expires: { type: "string", default: "8h" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
