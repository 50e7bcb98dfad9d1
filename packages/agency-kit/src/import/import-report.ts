import type { MatchCounts } from "./agency-import.js";
/** Why one record (one line) was refused: enough to find and fix it in the agency's export. */
export interface Rejection {
  line: number;
  /** The record's `type`, when the line had a readable one. */
  recordType: string | null;
  /** The record's `id`, when the line had one. */
  recordId: string | null;
  /** The field at fault ("aliases[0].givenName"), or null for the line as a whole. */
  field: string | null;
  reason: string;
}

export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport extends TypeCounts {
  runId: string;
  agency: string;
  /** Lines read, blank lines included. */
  lines: number;
  /** Agency person records linked to MASH subjects by matching after the import. */
  linked: number;
  /** Candidate matches proposed to a researcher after the import. */
  proposed: number;
  /** Records that could be more than one subject: left to the researcher as conflicts. */
  conflicts: number;
  /** Person records that matched no MASH subject well enough to propose. */
  unmatched: number;
  byType: Record<string, TypeCounts>;
  /** The first rejections, one entry per problem (a record may have several). */
  rejections: Rejection[];
  /** Problems not listed, so that a file of bad lines cannot exhaust memory. */
  rejectionsNotListed: number;
  seconds: number;
}

/** How many problems a report lists in full; the rest are counted. */
export const LISTED_REJECTIONS = 1_000;

export type Outcome = "created" | "updated" | "unchanged";

const emptyCounts = (): TypeCounts => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

/** Accumulates an import's counts as batches complete. */
export class ImportReportBuilder {
  private readonly report: ImportReport;
  private readonly started = Date.now();

  constructor(runId: string, agency: string) {
    this.report = {
      runId,
      agency,
      lines: 0,
      ...emptyCounts(),
      linked: 0,
      proposed: 0,
      conflicts: 0,
      unmatched: 0,
      byType: {},
      rejections: [],
      rejectionsNotListed: 0,
      seconds: 0,
    };
  }

  countLine(): void {
    this.report.lines += 1;
  }

  count(recordType: string, outcome: Outcome): void {
    this.report[outcome] += 1;
    this.countsOf(recordType)[outcome] += 1;
  }

  /** One rejected record, with every problem found in it. */
  reject(problems: readonly Rejection[]): void {
    const first = problems[0];
    if (!first) return;
    this.report.rejected += 1;
    if (first.recordType) this.countsOf(first.recordType).rejected += 1;
    for (const problem of problems) {
      if (this.report.rejections.length < LISTED_REJECTIONS) this.report.rejections.push(problem);
      else this.report.rejectionsNotListed += 1;
    }
  }

  addMatches(counts: MatchCounts): void {
    this.report.linked += counts.linked;
    this.report.proposed += counts.proposed;
    this.report.conflicts += counts.conflicts;
    this.report.unmatched += counts.unmatched;
  }

  finish(): ImportReport {
    this.report.seconds = Math.round((Date.now() - this.started) / 10) / 100;
    return this.report;
  }

  private countsOf(recordType: string): TypeCounts {
    const existing = this.report.byType[recordType];
    if (existing) return existing;
    const counts = emptyCounts();
    this.report.byType[recordType] = counts;
    return counts;
  }
}

/** The report in a few lines for a person at a terminal (the JSON has the detail). */
export function summariseReport(report: ImportReport): string {
  const lines = [
    `${report.agency} import ${report.runId}: ${report.lines} lines in ${report.seconds} s`,
    `  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`,
    `  linkage: linked ${report.linked}, proposed ${report.proposed}, conflicts ${report.conflicts}, unmatched ${report.unmatched}`,
  ];
  for (const rejection of report.rejections.slice(0, 20)) {
    const where = [rejection.recordType, rejection.recordId, rejection.field].filter(Boolean);
    lines.push(`  line ${rejection.line}: ${where.join(" ")}: ${rejection.reason}`);
  }
  const more = report.rejections.length - 20 + report.rejectionsNotListed;
  if (more > 0) lines.push(`  … and ${more} more problems (see the JSON report)`);
  return lines.join("\n");
}
