import type { SchemaChange, SchemaCheckResult } from "./check-schema.js";

const LABELS = { breaking: "BREAKING ", dangerous: "DANGEROUS", safe: "SAFE     " } as const;
const ORDER = { breaking: 0, dangerous: 1, safe: 2 } as const;

function groupBySubgraphs(changes: readonly SchemaChange[]): Map<string, SchemaChange[]> {
  const groups = new Map<string, SchemaChange[]>();
  for (const change of changes) {
    const key = change.subgraphs.length > 0 ? change.subgraphs.join(", ") : "(no subgraph)";
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function line(change: SchemaChange): string[] {
  const label = change.acknowledged ? "BREAKING (acknowledged)" : LABELS[change.level];
  const lines = [`  ${label}  ${change.coordinate}: ${change.message}`];
  if (change.reason && change.level !== "safe") lines.push(`               ${change.reason}`);
  return lines;
}

/** The check's findings, grouped by the subgraphs that own each change, worst first. */
export function formatReport(result: SchemaCheckResult, baseLabel: string): string {
  const out = [`Schema check: the working tree's subgraphs against ${baseLabel}`, ""];
  if (result.changes.length === 0) {
    out.push("No changes to the API or to who may see it.");
  }
  for (const [subgraphs, changes] of groupBySubgraphs(result.changes)) {
    out.push(subgraphs);
    const sorted = [...changes].sort(
      (a, b) => ORDER[a.level] - ORDER[b.level] || a.coordinate.localeCompare(b.coordinate),
    );
    for (const change of sorted) out.push(...line(change));
    out.push("");
  }
  const count = (level: SchemaChange["level"]) =>
    result.changes.filter((change) => change.level === level).length;
  const breaking = result.changes.filter((change) => change.level === "breaking");
  const unacknowledged = breaking.filter((change) => !change.acknowledged);
  out.push(
    `${breaking.length} breaking (${breaking.length - unacknowledged.length} acknowledged), ` +
      `${count("dangerous")} dangerous, ${count("safe")} safe.`,
  );
  for (const entry of result.unusedAcknowledgements) {
    out.push(
      `Note: the acknowledgement of ${entry.coordinate}${entry.change ? ` (${entry.change})` : ""} ` +
        "matches no change any more; remove it from schema/acknowledged-breaking-changes.json.",
    );
  }
  if (unacknowledged.length > 0) {
    out.push(
      "",
      `FAILED: ${unacknowledged.length} breaking change(s) not acknowledged. Clients that use ` +
        "them will fail. Deprecate instead (@deprecated(reason: ...)) and remove later, or, if it " +
        "must break now, add each coordinate with the change type, a reason and who agreed to " +
        "schema/acknowledged-breaking-changes.json (see docs/joining-the-graph.md).",
    );
  } else {
    out.push("PASSED: the subgraphs compose and break no client without an acknowledgement.");
  }
  return `${out.join("\n")}\n`;
}
