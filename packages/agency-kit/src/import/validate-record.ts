import type { z } from "zod";
import type { Rejection } from "./import-report.js";
import type { SourceLine } from "./read-lines.js";
import type { ImportRecord, RecordType } from "./record-type.js";

export type Validation =
  | { ok: true; recordType: RecordType; record: ImportRecord }
  | { ok: false; problems: Rejection[] };

/** "aliases[0].givenName" from zod's ["aliases", 0, "givenName"]. */
function fieldOf(path: readonly PropertyKey[]): string | null {
  let field = "";
  for (const part of path) {
    if (typeof part === "number") field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field || null;
}

function problemsOf(
  issues: readonly z.core.$ZodIssue[],
  line: number,
  recordType: string,
  recordId: string | null,
): Rejection[] {
  return issues.flatMap((issue) => {
    const base = { line, recordType, recordId };
    // Unknown fields are refused one by one, each named.
    if (issue.code === "unrecognized_keys") {
      const parent = fieldOf(issue.path);
      return issue.keys.map((key) => ({
        ...base,
        field: parent ? `${parent}.${key}` : key,
        reason: "unknown field",
      }));
    }
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    return [{ ...base, field: fieldOf(issue.path), reason: missing ? "required" : issue.message }];
  });
}

function lineProblem(line: number, reason: string, field: string | null = null): Validation {
  return { ok: false, problems: [{ line, recordType: null, recordId: null, field, reason }] };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
}

/**
 * One line checked against its record type's schema: JSON, a known `type`, then every field
 * (formats, check digits, dates, enums, required, no unknown fields). References are checked later,
 * in batches, against earlier lines and the database.
 */
export function validateLine(
  line: SourceLine,
  recordTypes: ReadonlyMap<string, RecordType>,
): Validation {
  const parsed = parseJson(line.text);
  if (!parsed.ok) return lineProblem(line.number, parsed.reason);
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return lineProblem(line.number, "a record must be a JSON object");
  }
  const raw = value as Record<string, unknown>;
  const recordId = typeof raw.id === "string" ? raw.id : null;
  const type = raw.type;
  if (typeof type !== "string") return lineProblem(line.number, "required", "type");
  const recordType = recordTypes.get(type);
  if (!recordType) {
    const known = [...recordTypes.keys()].join(", ");
    return {
      ok: false,
      problems: [
        {
          line: line.number,
          recordType: type,
          recordId,
          field: "type",
          reason: `unknown record type (expected one of ${known})`,
        },
      ],
    };
  }
  const result = recordType.schema.safeParse(raw);
  if (result.success) return { ok: true, recordType, record: result.data };
  return { ok: false, problems: problemsOf(result.error.issues, line.number, type, recordId) };
}
