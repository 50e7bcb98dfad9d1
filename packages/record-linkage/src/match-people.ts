import { bandFor, type MatchBand } from "./bands.js";
import { blockingKeysFor, blockKeyStrings, recordKeyStrings } from "./blocking.js";
import type { AgencyIdentity, MatchIdentity } from "./identity.js";
import { type MatchReason, scorePair } from "./score.js";

/** One agency record proposed for a subject, with its score, band and reasons. */
export interface ScoredCandidate {
  recordId: string;
  score: number;
  band: MatchBand;
  reasons: MatchReason[];
}

const BAND_ORDER: Record<MatchBand, number> = { certain: 0, probable: 1, possible: 2 };

/** Scores the blocked records against one subject; keeps those in a band, best first. */
export function rankCandidates(
  subject: MatchIdentity,
  records: readonly AgencyIdentity[],
): ScoredCandidate[] {
  const candidates: ScoredCandidate[] = [];
  for (const record of records) {
    const pair = scorePair(subject, record);
    const band = bandFor(pair);
    if (band)
      candidates.push({
        recordId: record.recordId,
        score: pair.score,
        band,
        reasons: pair.reasons,
      });
  }
  return candidates.sort(
    (a, b) =>
      BAND_ORDER[a.band] - BAND_ORDER[b.band] ||
      b.score - a.score ||
      (a.recordId < b.recordId ? -1 : 1),
  );
}

/**
 * Splits the rows one batched blocking query returned between the subjects that asked, by the
 * blocking keys each shares with them: a household's members cost one query, and each member is
 * scored only against its own block.
 */
export function splitByBlock<T extends AgencyIdentity>(
  subjects: readonly MatchIdentity[],
  records: readonly T[],
): T[][] {
  const byKey = new Map<string, T[]>();
  for (const record of records) {
    for (const key of recordKeyStrings(record)) {
      const list = byKey.get(key) ?? [];
      list.push(record);
      byKey.set(key, list);
    }
  }
  return subjects.map((subject) => {
    const block = new Map<string, T>();
    for (const key of blockKeyStrings(blockingKeysFor(subject))) {
      for (const record of byKey.get(key) ?? []) block.set(record.recordId, record);
    }
    return [...block.values()];
  });
}
