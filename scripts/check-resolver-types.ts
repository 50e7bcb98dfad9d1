import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, print, visit } from "graphql";

/**
 * `npm run typecheck:sdl-drift` (a CI step after `npm run typecheck`; type-checking is never run
 * inside a test): the promise of generated resolver types, that an SDL change the resolvers do not
 * follow fails `npm run typecheck`. Checked on a copy of social care (its code, codegen.ts and SDL),
 * so the real schema.graphql is never touched: the copy typechecks as it is, then stops
 * typechecking, naming the field, once its SDL loses a field a resolver implements.
 */

const packageRoot = fileURLToPath(new URL("../subgraphs/social-care/", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const codegenPackage = require.resolve("@graphql-codegen/cli/package.json");
const codegenBin = join(
  dirname(codegenPackage),
  (JSON.parse(await readFile(codegenPackage, "utf8")) as { bin: Record<string, string> }).bin[
    "graphql-codegen"
  ] ?? "",
);

/** Runs a Node script in `cwd`; never rejects, so a failing typecheck is a result to assert on. */
function runNode(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      {
        cwd,
        // As the package's `codegen` script: workspace packages resolve to their TypeScript sources.
        env: {
          ...process.env,
          JITI_TRY_NATIVE: "1",
          NODE_OPTIONS: "--conditions=development --import tsx",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** `npm run typecheck` in the copy: regenerate the resolver types, then tsc. */
async function typecheck(copy: string): Promise<{ code: number; output: string }> {
  const codegen = await runNode([codegenBin, "--config", "codegen.ts"], copy);
  if (codegen.code !== 0) return codegen;
  return runNode([tsc, "-p", "tsconfig.json"], copy);
}

/** The SDL without one field of one type; throws if the field is not there to remove. */
function withoutField(sdl: string, typeName: string, fieldName: string): string {
  let removed = false;
  const document = visit(parse(sdl), {
    [Kind.OBJECT_TYPE_DEFINITION](node) {
      if (node.name.value !== typeName) return undefined;
      const fields = node.fields?.filter((field) => field.name.value !== fieldName);
      removed = fields?.length !== node.fields?.length;
      return { ...node, fields };
    },
  });
  if (!removed) throw new Error(`${typeName}.${fieldName} is not in the SDL`);
  return print(document);
}

function fail(message: string, output: string): never {
  process.stderr.write(`${message}\n${output.slice(-4_000)}\n`);
  process.exit(1);
}

const copy = await mkdtemp(join(tmpdir(), "mash-resolver-types-"));
try {
  await cp(join(packageRoot, "src"), join(copy, "src"), {
    recursive: true,
    filter: (source) => !source.includes("__generated__"),
  });
  // package.json for `"type": "module"`: the code is ESM, as in the package.
  for (const file of ["package.json", "codegen.ts", "schema.graphql", "shared-types.graphql"]) {
    await cp(join(packageRoot, file), join(copy, file));
  }
  // Dependencies as the package sees them (the workspace hoists them all to the root).
  await symlink(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
  await writeFile(
    join(copy, "tsconfig.json"),
    JSON.stringify({
      extends: join(repoRoot, "tsconfig.base.json"),
      // Incremental: the second run re-checks only what the SDL change touches.
      compilerOptions: { noEmit: true, incremental: true, tsBuildInfoFile: "tsconfig.tsbuildinfo" },
      include: ["src", "codegen.ts"],
    }),
  );

  const asItIs = await typecheck(copy);
  if (asItIs.code !== 0 || /error TS/.test(asItIs.output)) {
    fail("The resolvers do not typecheck against the SDL as it is:", asItIs.output);
  }
  const sdlPath = join(copy, "schema.graphql");
  await writeFile(
    sdlPath,
    withoutField(await readFile(sdlPath, "utf8"), "SocialCareSection", "openCase"),
  );
  const drifted = await typecheck(copy);
  if (drifted.code === 0)
    fail("Removing a field a resolver implements still typechecks:", drifted.output);
  if (!/src\/resolvers\.ts\(\d+,\d+\): error TS\d+: .*'openCase'/.test(drifted.output)) {
    fail("The typecheck failed, but without naming the field the SDL lost:", drifted.output);
  }
  process.stdout.write(
    "Resolver types follow the SDL: a field removed from the SDL fails the typecheck, naming it.\n",
  );
} finally {
  await rm(copy, { recursive: true, force: true });
}
