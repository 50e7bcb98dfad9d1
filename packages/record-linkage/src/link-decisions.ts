import type { MatchBand } from "./bands.js";
import { BAND_THRESHOLDS } from "./bands.js";
import type { MatchReason } from "./score.js";

/** One agency record scored against one subject, in a band. */
export interface ScoredPair {
  subjectId: string;
  recordId: string;
  score: number;
  band: MatchBand;
  reasons: MatchReason[];
}

/** What linkage does with a pair: link it without a person, or put it to the researcher. */
export interface PairDecision extends ScoredPair {
  /** CERTAIN, and the record is claimed by no other subject: linked automatically. */
  autoLink: boolean;
  /**
   * The record could be more than one subject (it is CERTAIN against two or more, or another
   * subject born the same day scores PROBABLE or better against it): the researcher decides
   * between them, and none is linked automatically.
   */
  conflict: boolean;
}

function reasonOf(pair: ScoredPair, field: MatchReason["field"]): MatchReason["agreement"] {
  return pair.reasons.find((reason) => reason.field === field)?.agreement ?? "missing";
}

/**
 * A rival for the record: another subject who scores PROBABLE or better and whose date of birth
 * does not disagree with the record's. Twins (same surname, birthday and address, another given
 * name) and namesakes born the same day are rivals; a parent or sibling with another date of birth
 * is not.
 */
function isRival(pair: ScoredPair, chosen: ScoredPair): boolean {
  return (
    pair.subjectId !== chosen.subjectId &&
    pair.score >= BAND_THRESHOLDS.probable &&
    reasonOf(pair, "date_of_birth") !== "disagree"
  );
}

/**
 * One record, one person: decides, for one agency record, which of the subjects it was scored
 * against (its whole block, every band) it is linked to automatically. At most one: the only
 * CERTAIN subject, when no rival shares the record's date of birth, or when the agency's key
 * agrees with it and no rival's does. Otherwise every CERTAIN and rival pair goes to the
 * researcher as a conflict.
 */
export function decideRecordLinks(pairs: readonly ScoredPair[]): PairDecision[] {
  const certain = pairs.filter((pair) => pair.band === "certain");
  const undecided = (conflicting: ReadonlySet<ScoredPair>) =>
    pairs.map((pair) => ({ ...pair, autoLink: false, conflict: conflicting.has(pair) }));
  if (certain.length === 0) return undecided(new Set());
  if (certain.length > 1) return undecided(new Set(certain));
  const [chosen] = certain as [ScoredPair];
  const rivals = pairs.filter((pair) => isRival(pair, chosen));
  const byKey = reasonOf(chosen, "strong_identifier") === "agree";
  const rivalByKey = rivals.some((pair) => reasonOf(pair, "strong_identifier") === "agree");
  if (rivals.length > 0 && (!byKey || rivalByKey)) return undecided(new Set([chosen, ...rivals]));
  return pairs.map((pair) => ({ ...pair, autoLink: pair === chosen, conflict: false }));
}

/**
 * How far below a subject's best automatic link another may score and still be linked
 * automatically. Two records of one person (an agency's duplicates) usually agree about as well;
 * a namesake born the same day elsewhere falls short of the subject's own record by about an
 * address.
 */
export const SUBJECT_MARGIN = 8;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The same from the subject's side: when a subject would be linked automatically to several
 * records, those scoring far below its best (and not sharing the agency's key with it) go to the
 * researcher instead: they are as likely a namesake's records as the subject's own.
 */
function keepSubjectsConsistent(decisions: PairDecision[]): PairDecision[] {
  const autoLinks = decisions.filter((decision) => decision.autoLink);
  for (const links of groupBy(autoLinks, (decision) => decision.subjectId).values()) {
    if (links.length < 2) continue;
    const best = links.reduce((top, link) => (link.score > top.score ? link : top));
    for (const link of links) {
      if (link === best || link.score >= best.score - SUBJECT_MARGIN) continue;
      if (reasonOf(link, "strong_identifier") === "agree") continue;
      link.autoLink = false;
      link.conflict = true;
    }
  }
  return decisions;
}

/**
 * Decides a whole linkage run: every pair scored in it (each record with its whole block), one
 * record, one person, and each subject's automatic links consistent with each other.
 */
export function decideLinks(pairs: readonly ScoredPair[]): PairDecision[] {
  const byRecord = groupBy(pairs, (pair) => pair.recordId);
  const decisions = [...byRecord.values()].flatMap(decideRecordLinks);
  return keepSubjectsConsistent(decisions);
}
