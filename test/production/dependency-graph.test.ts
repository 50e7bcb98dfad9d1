import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { init, parse } from "es-module-lexer";
import { beforeAll, describe, expect, it } from "vitest";

// What a production build ships, read from the build itself: each service's dist/server.js and
// every module it imports (following the workspace packages' `exports` to their dist/), and the
// production dependencies (package.json `dependencies`, never devDependencies) of every package
// on the way, down through node_modules. Neither may reach test or synthetic code, nor tsx.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVICES = [
  "gateway",
  "subgraphs/social-care",
  "subgraphs/police",
  "subgraphs/health",
  "subgraphs/probation",
  "web",
];
const FORBIDDEN = /^(vitest|@vitest\/.*|@mash\/synthetic-world|@mash\/test-suites|tsx)$/;

interface PackageJson {
  name: string;
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readPackage(folder: string): PackageJson {
  return JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as PackageJson;
}

const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  workspaces: string[];
};
/** Workspace packages by name → folder. */
const WORKSPACE = new Map(
  rootPackage.workspaces.map((folder) => [
    readPackage(join(ROOT, folder)).name,
    join(ROOT, folder),
  ]),
);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/**
 * Where Node would load a workspace package's subpath from without the "development" condition:
 * the `default` of the matching `exports` pattern, or undefined when production has none.
 */
function resolveWorkspaceImport(specifier: string): string | undefined {
  const name = packageNameOf(specifier);
  const folder = WORKSPACE.get(name);
  if (!folder) return undefined;
  const subpath = `.${specifier.slice(name.length)}`;
  for (const [pattern, target] of Object.entries(readPackage(folder).exports ?? {})) {
    const [prefix, suffix = ""] = pattern.split("*");
    if (!subpath.startsWith(prefix ?? "") || !subpath.endsWith(suffix)) continue;
    const star = subpath.slice((prefix ?? "").length, subpath.length - suffix.length);
    const chosen = typeof target === "string" ? target : target.default;
    return chosen ? join(folder, chosen.replace("*", star)) : undefined;
  }
  return undefined;
}

interface ModuleGraph {
  /** Compiled modules reached from the entry point, relative to the repository. */
  modules: Set<string>;
  /** npm and workspace packages imported by those modules, with one importer each. */
  packages: Map<string, string>;
  /** Workspace imports that production cannot resolve (development-only exports). */
  unresolved: string[];
}

/**
 * Every module `entry` reaches through static imports, and through literal dynamic ones too when
 * `dynamic` (a lazily loaded module still ships: e.g. the playground bundler, used only when the
 * prebuilt bundle is missing, is reached dynamically and may need a development dependency).
 */
function moduleGraph(entry: string, dynamic: boolean): ModuleGraph {
  const graph: ModuleGraph = { modules: new Set(), packages: new Map(), unresolved: [] };
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    const key = relative(ROOT, file);
    if (graph.modules.has(key)) continue;
    graph.modules.add(key);
    const [imports] = parse(readFileSync(file, "utf8"));
    for (const { n: specifier, d: kind } of imports) {
      // d: -1 a static import, -2 import.meta, ≥ 0 a dynamic import().
      if (kind === -2 || (kind >= 0 && !dynamic)) continue;
      if (!specifier || specifier.startsWith("node:") || builtinModules.includes(specifier)) {
        continue;
      }
      if (specifier.startsWith(".")) {
        pending.push(resolve(dirname(file), specifier));
        continue;
      }
      const name = packageNameOf(specifier);
      if (!graph.packages.has(name)) graph.packages.set(name, key);
      if (!WORKSPACE.has(name)) continue;
      const target = resolveWorkspaceImport(specifier);
      if (target && existsSync(target)) pending.push(target);
      else graph.unresolved.push(`${key} → ${specifier}`);
    }
  }
  return graph;
}

/** Where `name` is installed as seen from `fromFolder` (Node's node_modules lookup). */
function installedFolder(name: string, fromFolder: string): string | undefined {
  if (WORKSPACE.has(name)) return WORKSPACE.get(name);
  for (let folder = fromFolder; ; folder = dirname(folder)) {
    const candidate = join(folder, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

/** Every package a production install of `folder` holds, with the path that brought it in. */
function productionDependencies(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const pending: { folder: string; path: string }[] = [{ folder, path: readPackage(folder).name }];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop() as { folder: string; path: string };
    if (visited.has(current.folder)) continue;
    visited.add(current.folder);
    const manifest = readPackage(current.folder);
    const names = Object.keys({
      ...manifest.dependencies,
      ...manifest.optionalDependencies,
      ...manifest.peerDependencies,
    });
    for (const name of names) {
      const path = `${current.path} → ${name}`;
      if (!found.has(name)) found.set(name, path);
      const installed = installedFolder(name, current.folder);
      if (installed) pending.push({ folder: installed, path });
    }
  }
  return found;
}

describe.each(SERVICES)("what a production build of %s ships", (service) => {
  const folder = join(ROOT, service);
  const entry = join(folder, "dist/server.js");
  /** Everything reachable, lazily loaded modules included. */
  let graph: ModuleGraph;
  /** What loads with the process. */
  let staticGraph: ModuleGraph;

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${service}/dist/server.js is missing: npm run build`);
    await init;
    graph = moduleGraph(entry, true);
    staticGraph = moduleGraph(entry, false);
  });

  it("imports no test or synthetic code, and nothing from a development-only export", () => {
    expect(graph.modules.size).toBeGreaterThan(10);
    const forbidden = [...graph.packages].filter(([name]) => FORBIDDEN.test(name));
    expect(forbidden.map(([name, importer]) => `${importer} → ${name}`)).toEqual([]);
    expect(graph.unresolved).toEqual([]);
    // Only compiled JavaScript: no TypeScript source is reached at run time.
    expect([...graph.modules].filter((module) => !module.endsWith(".js"))).toEqual([]);
    expect([...graph.modules].filter((module) => !module.includes("/dist/"))).toEqual([]);
  });

  it("depends on no test or synthetic package, directly or through another", () => {
    const dependencies = productionDependencies(folder);
    expect(dependencies.size).toBeGreaterThan(20);
    const forbidden = [...dependencies].filter(([name]) => FORBIDDEN.test(name));
    expect(forbidden.map(([, path]) => path)).toEqual([]);
  });

  it("declares every package its compiled code imports as a production dependency", () => {
    const dependencies = productionDependencies(folder);
    const undeclared = [...staticGraph.packages]
      .filter(([name]) => name !== readPackage(folder).name && !dependencies.has(name))
      .map(([name, importer]) => `${importer} → ${name}`);
    expect(undeclared).toEqual([]);
  });
});
