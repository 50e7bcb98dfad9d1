import type {
  licenceCondition,
  mappaCategory,
  mappaLevel,
  probationCase,
  roshLevel,
} from "./db/schema.js";

export type CaseRow = typeof probationCase.$inferSelect;
export type ConditionRow = typeof licenceCondition.$inferSelect;
type Rosh = (typeof roshLevel.enumValues)[number];

/** A MAPPA registration as stored: category and level in their lower-case forms. */
interface MappaRegistration {
  category: (typeof mappaCategory.enumValues)[number];
  level: (typeof mappaLevel.enumValues)[number];
}

/** Everything the section's lists and summary are built from, over all linked offender records. */
export interface ProbationHistory {
  cases: CaseRow[];
  conditions: ConditionRow[];
}

/** Ordered from least to most serious; the summary reports the most serious current level. */
const ROSH_ORDER: readonly Rosh[] = ["low", "medium", "high", "very_high"];

/** A case is current while its end date is after today (the person is still under supervision). */
function isCurrent(row: CaseRow, today: string): boolean {
  return row.endDate > today;
}

function highestRosh(levels: readonly Rosh[]): Rosh | null {
  return levels.reduce<Rosh | null>(
    (highest, level) =>
      highest === null || ROSH_ORDER.indexOf(level) > ROSH_ORDER.indexOf(highest) ? level : highest,
    null,
  );
}

/**
 * The registration to report when several current cases are MAPPA-managed: the highest level, then
 * the highest category. Values compare as text ("level_1" < "level_3"), matching their numbers.
 */
function highestMappa(current: readonly CaseRow[]): MappaRegistration | null {
  let best: MappaRegistration | null = null;
  for (const row of current) {
    if (row.mappaCategory === null || row.mappaLevel === null) continue;
    const candidate = { category: row.mappaCategory, level: row.mappaLevel };
    if (
      best === null ||
      candidate.level > best.level ||
      (candidate.level === best.level && candidate.category > best.category)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** The current case that runs longest: its type and end date are "the" current supervision. */
function lastEnding(current: readonly CaseRow[]): CaseRow | null {
  return current.reduce<CaseRow | null>(
    (latest, row) => (latest === null || row.endDate > latest.endDate ? row : latest),
    null,
  );
}

/** Counts, current levels and dates: the proportionate view other agencies get by default. */
export function summarise(history: ProbationHistory, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const current = history.cases.filter((row) => isCurrent(row, today));
  const currentIds = new Set(current.map((row) => row.id));
  const latest = lastEnding(current);
  return {
    underSupervision: current.length > 0,
    currentSupervisionType: latest?.supervisionType ?? null,
    currentCaseEndDate: latest?.endDate ?? null,
    caseCount: history.cases.length,
    currentMappa: highestMappa(current),
    mappaManaged: highestMappa(current) !== null,
    currentRoshOverall: highestRosh(current.map((row) => row.roshOverall)),
    currentRoshToChildren: highestRosh(current.map((row) => row.roshChildren)),
    hasCurrentNoContactCondition: history.conditions.some(
      (condition) => condition.type === "no_contact" && currentIds.has(condition.caseId),
    ),
    licenceConditionCount: history.conditions.length,
  };
}
