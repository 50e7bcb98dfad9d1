import type { FuzzCase, FuzzKind } from "./generate-cases.js";

/** What a response must never show, however bad the request. */
export type Finding =
  | "crash"
  | "5xx"
  | "stack trace"
  | "internal error"
  | "internal name"
  | "no code";

/** One answer as the suite sees it: its HTTP status (200 in-process) and its body as sent. */
export interface Answer {
  status: number;
  body: string;
}

/** A line of a stack trace, or a stack in the JSON: nothing of the server's insides may show. */
const STACK = /\n\s+at \S|"stack(trace)?"\s*:|\bat (?:async )?\S+ \(\/|node:internal/;
/** Keys of the gateway's own making (the filter's hidden __typename): never for a client. */
const INTERNAL_KEY = /"__mash\w*"\s*:/;

interface GraphQLBody {
  errors?: { extensions?: { code?: unknown } }[];
}

/** What is wrong with one answer, if anything. */
export function findingsOf(answer: Answer): Finding[] {
  const found: Finding[] = [];
  if (answer.status >= 500) found.push("5xx");
  if (STACK.test(answer.body)) found.push("stack trace");
  if (INTERNAL_KEY.test(answer.body)) found.push("internal name");
  let parsed: GraphQLBody | undefined;
  try {
    parsed = JSON.parse(answer.body) as GraphQLBody;
  } catch {
    // Not JSON: HTTP-level refusals (a 413, say) are judged by status alone.
  }
  for (const error of parsed?.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string") found.push("no code");
    else if (code === "INTERNAL_SERVER_ERROR") found.push("internal error");
  }
  return [...new Set(found)];
}

/** Counts by kind and finding, with the first few offending cases kept to show what broke. */
export class FuzzReport {
  readonly cases = new Map<FuzzKind | string, number>();
  /** Milliseconds spent per kind: reported, never asserted. */
  readonly milliseconds = new Map<FuzzKind | string, number>();
  readonly statuses = new Map<number, number>();
  readonly findings = new Map<Finding, number>();
  readonly examples: { finding: Finding; case: FuzzCase | { kind: string }; answer: string }[] = [];
  /** Oversized uploads the service cut off unread (see `closedBeforeReading`). */
  closedUnread = 0;

  record(fuzzCase: FuzzCase | { kind: string }, answer: Answer, milliseconds = 0): void {
    this.cases.set(fuzzCase.kind, (this.cases.get(fuzzCase.kind) ?? 0) + 1);
    this.milliseconds.set(
      fuzzCase.kind,
      (this.milliseconds.get(fuzzCase.kind) ?? 0) + milliseconds,
    );
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    for (const finding of findingsOf(answer)) this.#found(finding, fuzzCase, answer.body);
  }

  /** The request could not be answered at all: the service threw, or the connection died. */
  crashed(fuzzCase: FuzzCase | { kind: string }, error: unknown): void {
    this.cases.set(fuzzCase.kind, (this.cases.get(fuzzCase.kind) ?? 0) + 1);
    this.#found("crash", fuzzCase, String(error));
  }

  /**
   * The service refused an oversized body by closing the connection before reading it all, which
   * is what a body limit is for: reading megabytes of garbage to answer politely is the cost the
   * limit avoids. The client sees its upload cut short rather than an answer. Counted, not a
   * finding; a health check after the run shows whether the service is still up.
   */
  closedBeforeReading(fuzzCase: { kind: string }): void {
    this.cases.set(fuzzCase.kind, (this.cases.get(fuzzCase.kind) ?? 0) + 1);
    this.closedUnread += 1;
  }

  #found(finding: Finding, fuzzCase: FuzzCase | { kind: string }, answer: string) {
    this.findings.set(finding, (this.findings.get(finding) ?? 0) + 1);
    if (this.examples.length < 5) {
      const shortened =
        "query" in fuzzCase && fuzzCase.query.length > 400
          ? { ...fuzzCase, query: `${fuzzCase.query.slice(0, 400)}…` }
          : fuzzCase;
      this.examples.push({ finding, case: shortened, answer: answer.slice(0, 600) });
    }
  }

  get total(): number {
    let total = 0;
    for (const count of this.cases.values()) total += count;
    return total;
  }

  count(finding: Finding): number {
    return this.findings.get(finding) ?? 0;
  }

  /** One paragraph for the test log: what was sent, what came back, what was found. */
  summary(target: string, extra: Record<string, string | number> = {}): string {
    const list = (map: Map<unknown, number>) =>
      [...map].map(([key, count]) => `${String(key)} ${count}`).join(", ");
    return [
      `fuzz ${target}: ${this.total} cases (${list(this.cases)})`,
      `  statuses: ${list(this.statuses)}${this.closedUnread > 0 ? `; oversized bodies cut off unread: ${this.closedUnread}` : ""}`,
      `  time by kind (ms): ${list(new Map([...this.milliseconds].map(([k, v]) => [k, Math.round(v)])))}`,
      `  findings: ${this.findings.size === 0 ? "none" : list(this.findings)}`,
      ...Object.entries(extra).map(([key, value]) => `  ${key}: ${value}`),
    ].join("\n");
  }
}
