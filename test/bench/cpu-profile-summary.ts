import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time is read from. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `function (file:line)`, the file shortened to what follows node_modules/ or the repository. */
  name: string;
  /** Share of the profile's busy time (idle excluded), in percent. */
  percent: number;
}

function shortUrl(url: string): string {
  if (!url) return "";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  const repository = url.search(/\/(gateway|subgraphs|packages|schema|test)\//);
  return repository >= 0 ? url.slice(repository + 1) : url.replace(/^file:\/\//, "");
}

/**
 * The functions a profile spent most of its busy time in, by self time (time in the function
 * itself, not its callees), summed over every place V8 saw it.
 */
export function topSelfTime(profile: CpuProfile, limit = 12): SelfTime[] {
  const names = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortUrl(url);
    names.set(
      node.id,
      where ? `${functionName || "(anonymous)"} (${where}:${lineNumber + 1})` : functionName,
    );
  }
  const totals = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const name = names.get(id) ?? "(unknown)";
    if (name === "(idle)") return;
    const delta = profile.timeDeltas[i] ?? 0;
    busy += delta;
    totals.set(name, (totals.get(name) ?? 0) + delta);
  });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({ name, percent: busy ? (100 * micros) / busy : 0 }));
}

/** Where a function lives, coarsely: its npm package, node's internals, WebAssembly or the project. */
function ownerOf(name: string): string {
  const where = /\(([^()]*):\d+\)$/.exec(name)?.[1];
  if (!where) return name.startsWith("wasm-function") ? "wasm" : name;
  if (where.startsWith("node:")) return "node internals";
  if (where.startsWith("wasm://")) return "wasm";
  const scoped = /^(@[^/]+\/[^/]+|[^/@][^/]*)\//.exec(where)?.[1];
  if (scoped && !/^(gateway|subgraphs|packages|schema|test)$/.test(scoped)) return scoped;
  return "the project's code";
}

/** Self time summed by owner (npm package, node internals, wasm, GC, the project's code). */
export function selfTimeByOwner(profile: CpuProfile, limit = 8): SelfTime[] {
  const owners = new Map<string, number>();
  for (const { name, percent } of topSelfTime(profile, Number.POSITIVE_INFINITY)) {
    const owner = ownerOf(name);
    owners.set(owner, (owners.get(owner) ?? 0) + percent);
  }
  return [...owners.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, percent]) => ({ name, percent }));
}

/**
 * Each service's profile under `dir/<service>/`, summarised. A service run through tsx writes one
 * profile per thread (its module loader has one of its own): the largest is the service's.
 */
export function summariseProfiles(
  dir: string,
  labels: Record<string, string> = {},
  limit = 12,
): string {
  const lines: string[] = [];
  for (const service of readdirSync(dir).sort()) {
    const files = readdirSync(join(dir, service))
      .filter((file) => file.endsWith(".cpuprofile"))
      .map((file) => join(dir, service, file))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    const main = files[0];
    if (!main) continue;
    const profile = JSON.parse(readFileSync(main, "utf8")) as CpuProfile;
    const label = labels[service] ? ` = ${labels[service]}` : "";
    lines.push(`${service}${label} (${main}): top self time`);
    for (const { name, percent } of topSelfTime(profile, limit)) {
      lines.push(`  ${percent.toFixed(1).padStart(5)}%  ${name}`);
    }
    const owners = selfTimeByOwner(profile).map(
      ({ name, percent }) => `${name} ${percent.toFixed(1)}%`,
    );
    lines.push(`  by owner: ${owners.join(", ")}`);
  }
  return lines.join("\n");
}
