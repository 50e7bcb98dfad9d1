import { loadAllFor } from "@mash/platform/graphql/batch-loaders";
import type DataLoader from "dataloader";

// An agency that is not social care knows a subject only through its `subject_link` rows, and may
// hold several records of one person (within-agency duplicates). Everything it shows on the subject
// is therefore the merge of what it holds against each linked record: the same gathering, de-
// duplication and ordering in every agency, kept here so that they cannot drift apart.

/** The part of a `subject_link` row the merging needs. */
export interface RecordLink {
  recordId: string;
}

/** The parent object of an agency's section on a subject: the subject and its links, in load order. */
export interface LinkedSection<L extends RecordLink> {
  subjectId: string;
  links: L[];
}

/** The section for a subject, from a loader of links by subject id (no links: not known). */
export async function loadLinkedSection<L extends RecordLink>(
  linksBySubject: DataLoader<string, L[]>,
  subjectId: string,
): Promise<LinkedSection<L>> {
  return { subjectId, links: await linksBySubject.load(subjectId) };
}

/** Each linked record id once, in link order, even if a record were linked twice by different routes. */
export function linkedRecordIds(section: LinkedSection<RecordLink>): string[] {
  return [...new Set(section.links.map((link) => link.recordId))];
}

/**
 * The linked records themselves, each with the link that led to it (the first, for a record linked
 * twice), in link order. A link whose record has gone is left out: the foreign key forbids it, but a
 * section never returns a hole.
 */
export async function loadLinkedRecords<R extends object, L extends RecordLink>(
  recordById: DataLoader<string, R | null>,
  section: LinkedSection<L>,
): Promise<(R & { link: L })[]> {
  const firstLinkByRecord = new Map<string, L>();
  for (const link of section.links) {
    if (!firstLinkByRecord.has(link.recordId)) firstLinkByRecord.set(link.recordId, link);
  }
  const rows = await recordById.loadMany([...firstLinkByRecord.keys()]);
  const links = [...firstLinkByRecord.values()];
  return rows.flatMap((row, index) => {
    if (row instanceof Error) throw row;
    const link = links[index];
    return row === null || link === undefined ? [] : [{ ...row, link }];
  });
}

type RowId = string | number;

/**
 * How a merged list is ordered: newest first by `dateOf` (an ISO date string, epoch milliseconds or
 * a Date), equal dates by `tieBreak` (the row's id unless given), so that the order never depends
 * on the query plan and is the same on PGlite and PostgreSQL.
 */
export interface NewestFirst<R> {
  dateOf: (row: R) => string | number | Date;
  tieBreak?: (row: R) => RowId;
}

/** A date as a sortable value: Dates by their instant, ISO strings as they are (they sort as text). */
function sortable(value: string | number | Date): string | number {
  return value instanceof Date ? value.getTime() : value;
}

/**
 * Compares by UTF-16 code units, not by locale: every sort key here is an ISO date, a number or an
 * id of one fixed format, for which this is the natural order, and it cannot vary with the host.
 */
function compareKeys(a: RowId, b: RowId): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A sorted copy of `rows`, newest first, equal dates in `tieBreak` (or id) order. */
export function newestFirst<R extends { id: RowId }>(
  rows: readonly R[],
  order: NewestFirst<R>,
): R[] {
  const tieBreak = order.tieBreak ?? ((row: R) => String(row.id));
  return [...rows].sort(
    (a, b) =>
      compareKeys(sortable(order.dateOf(b)), sortable(order.dateOf(a))) ||
      compareKeys(tieBreak(a), tieBreak(b)),
  );
}

/** One copy of each row, by id, keeping the first seen. */
export function uniqueById<R extends { id: RowId }>(rows: readonly R[]): R[] {
  const seen = new Set<RowId>();
  return rows.filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
}

/** How the rows of one record come back from a loader. */
export interface LinkedOrder<R> extends NewestFirst<R> {
  /**
   * True when the loader already returns each record's rows newest first: a subject with a single
   * record then takes them as they come, and only a merge of several is sorted again.
   */
  sortedPerRecord?: boolean;
}

/**
 * The rows of every record linked to a subject, as one list: a subject with duplicate records sees
 * their histories merged, each row once, newest first. The loader batches the records of every
 * subject in the request into one statement.
 */
export async function loadLinked<R extends { id: RowId }>(
  rowsByRecord: DataLoader<string, R[]>,
  recordIds: readonly string[],
  order: LinkedOrder<R>,
): Promise<R[]> {
  const rows = await loadAllFor(rowsByRecord, recordIds);
  if (order.sortedPerRecord && recordIds.length <= 1) return rows;
  return newestFirst(uniqueById(rows), order);
}
