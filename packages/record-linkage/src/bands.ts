import { agreementOf, type PairScore } from "./score.js";

/**
 * What a score means for people. Only CERTAIN can link without a person (and only when the record
 * is not claimed by another subject: see `link-decisions.ts`); PROBABLE and POSSIBLE are put to the
 * agency's researcher, PROBABLE first.
 */
export type MatchBand = "certain" | "probable" | "possible";

/**
 * Thresholds on the summed weights, checked on generated populations (docs/matching.md). CERTAIN
 * needs more than a name and a date of birth when the address disagrees, because namesakes born
 * the same day exist: an address, a middle name or the agency's key must agree as well.
 */
export const BAND_THRESHOLDS = { certain: 27, probable: 20, possible: 12 } as const;

const WEAK_GIVEN_NAMES = new Set(["disagree", "missing", "middle_name", "initial"]);

/**
 * Whether the pair can be CERTAIN at all, whatever its score. A date of birth that disagrees
 * outright, a given name that disagrees (twins share everything else), or the agency's keys
 * disagreeing never link by themselves; the agency's key agreeing overrides the names.
 */
function canBeCertain(pair: PairScore): boolean {
  const identifier = agreementOf(pair, "strong_identifier");
  if (identifier === "disagree") return false;
  if (identifier === "agree") return true;
  // A middle name or an initial for a given name is too weak a tie between siblings to link on.
  const given = agreementOf(pair, "given_name");
  return agreementOf(pair, "date_of_birth") !== "disagree" && !WEAK_GIVEN_NAMES.has(given);
}

/** The band for a score, or null when the pair is not worth a researcher's time. */
export function bandFor(pair: PairScore): MatchBand | null {
  if (pair.score >= BAND_THRESHOLDS.certain && canBeCertain(pair)) return "certain";
  if (pair.score >= BAND_THRESHOLDS.probable) return "probable";
  if (pair.score >= BAND_THRESHOLDS.possible) return "possible";
  return null;
}
