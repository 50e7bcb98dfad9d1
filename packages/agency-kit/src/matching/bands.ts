import type { PairScore } from "./score.js";

/**
 * What a score means for people. Only CERTAIN links without a person; PROBABLE and POSSIBLE are
 * put to the agency's researcher, PROBABLE first.
 */
export type MatchBand = "certain" | "probable" | "possible";

/**
 * Thresholds on the summed weights, set on the synthetic world's ground truth (docs/matching.md):
 * CERTAIN needs more than a name and date of birth, because namesakes born the same day exist
 * (same name, same date of birth, another address): it takes the address too, or the agency's key.
 */
export const BAND_THRESHOLDS = { certain: 33, probable: 20, possible: 12 } as const;

/** The band for a score, or null when the pair is not worth a researcher's time. */
export function bandFor(pair: PairScore): MatchBand | null {
  const dateOfBirth = pair.reasons.find((reason) => reason.field === "date_of_birth");
  // A date of birth that disagrees outright never links by itself, whatever else agrees: twins
  // and parents sharing a name are the classic false links.
  const datesDisagree = dateOfBirth?.agreement === "disagree";
  if (pair.score >= BAND_THRESHOLDS.certain && !datesDisagree) return "certain";
  if (pair.score >= BAND_THRESHOLDS.probable) return "probable";
  if (pair.score >= BAND_THRESHOLDS.possible) return "possible";
  return null;
}
