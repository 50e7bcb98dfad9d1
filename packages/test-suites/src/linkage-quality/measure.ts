import { bandFor } from "@mash/record-linkage/bands";
import type { AgencyIdentity } from "@mash/record-linkage/identity";
import {
  decideLinks,
  type PairDecision,
  type ScoredPair,
} from "@mash/record-linkage/link-decisions";
import { splitByBlock } from "@mash/record-linkage/match-people";
import { scorePair } from "@mash/record-linkage/score";
import type { MatchingAgency } from "../match-identities.js";
import type { NoiseCategory } from "./noise.js";
import { type LabelledRecord, type LinkagePopulation, truthKey } from "./population.js";

/** Counts for one slice of the true pairs (an agency, a kind of noise, all). */
export interface Tally {
  truePairs: number;
  /** True pairs linked automatically. */
  autoLinkedTrue: number;
  /** True pairs linked automatically or put to the researcher as CERTAIN or PROBABLE. */
  foundTrue: number;
  /** Automatic links made on records of this slice, right or wrong. */
  autoLinks: number;
  falseAutoLinks: number;
}

export interface LinkageQuality {
  overall: Tally;
  byAgency: Record<MatchingAgency, Tally>;
  byCategory: Record<string, Tally>;
  /** Records that were a conflict (CERTAIN against two or more, or a rival born the same day). */
  conflicts: number;
}

function emptyTally(): Tally {
  return { truePairs: 0, autoLinkedTrue: 0, foundTrue: 0, autoLinks: 0, falseAutoLinks: 0 };
}

export const precisionOf = (tally: Tally) =>
  tally.autoLinks === 0 ? 1 : 1 - tally.falseAutoLinks / tally.autoLinks;
export const recallOf = (tally: Tally) =>
  tally.truePairs === 0 ? 1 : tally.foundTrue / tally.truePairs;
export const certainRecallOf = (tally: Tally) =>
  tally.truePairs === 0 ? 1 : tally.autoLinkedTrue / tally.truePairs;

/** The subjects as one agency compares them: only health holds social care's key (the NHS number). */
function subjectsFor(population: LinkagePopulation, agency: MatchingAgency): AgencyIdentity[] {
  if (agency === "health") return population.subjects;
  return population.subjects.map((subject) => ({ ...subject, strongIdentifier: null }));
}

function categoriesOf(record: LabelledRecord): string[] {
  const categories: string[] = record.noise.length === 0 ? ["clean"] : [...record.noise];
  return [...categories, ...record.population];
}

/**
 * Runs linkage as the system does after an import, in memory: each agency record against the
 * subjects in its block (the same keys the agency's indexes look up), scored, banded and decided one
 * record, one person. Then counts, per agency and per kind of noise, what was linked and found.
 */
export function measureLinkage(population: LinkagePopulation): LinkageQuality {
  const quality: LinkageQuality = {
    overall: emptyTally(),
    byAgency: { police: emptyTally(), health: emptyTally(), probation: emptyTally() },
    byCategory: {},
    conflicts: 0,
  };
  const tallies = (agency: MatchingAgency, record: LabelledRecord) => [
    quality.overall,
    quality.byAgency[agency],
    ...categoriesOf(record).map((category) => {
      quality.byCategory[category] ??= emptyTally();
      return quality.byCategory[category];
    }),
  ];
  for (const agency of ["police", "health", "probation"] as const) {
    const records = population.records[agency];
    const subjects = subjectsFor(population, agency);
    const blocks = splitByBlock(
      records.map((record) => record.identity),
      subjects,
    );
    const pairs: ScoredPair[] = [];
    records.forEach((record, index) => {
      for (const subject of blocks[index] ?? []) {
        const pair = scorePair(subject, record.identity);
        const band = bandFor(pair);
        if (band) {
          pairs.push({
            subjectId: subject.recordId,
            recordId: record.identity.recordId,
            band,
            ...pair,
          });
        }
      }
    });
    const decisionsByRecord = new Map<string, PairDecision[]>();
    for (const decision of decideLinks(pairs)) {
      const list = decisionsByRecord.get(decision.recordId) ?? [];
      list.push(decision);
      decisionsByRecord.set(decision.recordId, list);
    }
    for (const record of records) {
      const decisions = decisionsByRecord.get(record.identity.recordId) ?? [];
      if (decisions.some((decision) => decision.conflict)) quality.conflicts++;
      const trueSubject = population.truth.get(truthKey(agency, record.identity.recordId));
      const truePair = decisions.find((decision) => decision.subjectId === trueSubject);
      for (const tally of tallies(agency, record)) {
        for (const decision of decisions) {
          if (!decision.autoLink) continue;
          tally.autoLinks++;
          if (decision.subjectId !== trueSubject) tally.falseAutoLinks++;
        }
        if (trueSubject === undefined) continue;
        tally.truePairs++;
        if (truePair?.autoLink) tally.autoLinkedTrue++;
        if (truePair && truePair.band !== "possible") tally.foundTrue++;
      }
    }
  }
  return quality;
}

function row(name: string, tally: Tally): string {
  const cells = [
    name.padEnd(28),
    String(tally.truePairs).padStart(7),
    certainRecallOf(tally).toFixed(3).padStart(9),
    recallOf(tally).toFixed(3).padStart(9),
    String(tally.autoLinks).padStart(7),
    String(tally.falseAutoLinks).padStart(6),
    precisionOf(tally).toFixed(4).padStart(10),
  ];
  return cells.join(" ");
}

/** The figures as a table: recall (CERTAIN, CERTAIN + PROBABLE) and precision per slice. */
export function qualityTable(quality: LinkageQuality): string {
  const header = [
    "slice".padEnd(28),
    "true".padStart(7),
    "R(auto)".padStart(9),
    "R(C+P)".padStart(9),
    "auto".padStart(7),
    "false".padStart(6),
    "precision".padStart(10),
  ].join(" ");
  const categories = Object.keys(quality.byCategory).sort();
  return [
    header,
    row("all", quality.overall),
    ...(["police", "health", "probation"] as const).map((agency) =>
      row(`agency: ${agency}`, quality.byAgency[agency]),
    ),
    ...categories.map((category) => row(category, quality.byCategory[category] ?? emptyTally())),
    `records in conflict (put to the researcher): ${quality.conflicts}`,
  ].join("\n");
}

export type { NoiseCategory };
