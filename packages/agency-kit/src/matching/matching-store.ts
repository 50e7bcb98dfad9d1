import type { Database } from "@mash/platform/db/connect";
import { inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type {
  LinkEventTable,
  MashSubjectTable,
  MatchCandidateTable,
  SubjectFeedTable,
} from "../db/match-tables.js";
import type { BlockingKeys } from "./blocking.js";
import { blockingCondition } from "./blocking-sql.js";
import type { AgencyIdentity } from "./identity.js";

/** A text column, nullable or not (enum columns included). */
type TextColumn = AnyPgColumn<{ data: string }>;

/**
 * The person table matching reads: the agency's own (nominal, patient, offender), with the name,
 * date of birth, sex and address columns every agency names alike (`addressColumns()`), each
 * behind an index, so that blocking looks records up instead of scanning.
 */
export type PersonTable = PgTable & {
  givenName: TextColumn;
  middleNames: AnyPgColumn<{ data: string[] }>;
  familyName: TextColumn;
  dateOfBirth: TextColumn;
  sex: TextColumn;
  addressLine1: TextColumn;
  addressPostcode: TextColumn;
};

/** Other names a person is or was known by, one row each. */
export type AliasTable = PgTable & { givenName: TextColumn; familyName: TextColumn };

/**
 * The agency's tables as matching needs them: the only thing that differs between police, health
 * and probation.
 */
export interface MatchingTables {
  person: PersonTable;
  /** The person's id: nominal id, patient id, CRN. */
  personId: TextColumn;
  /** The agency's own key for a person (PNC ID, NHS number, CRN), compared when both sides hold it. */
  strongIdentifier: TextColumn;
  alias: AliasTable;
  /** The alias row's person id. */
  aliasPersonId: TextColumn;
  mashSubject: MashSubjectTable;
  matchCandidate: MatchCandidateTable;
  linkEvent: LinkEventTable;
  /** Where the agency is in social care's subject change feed. */
  subjectFeed: SubjectFeedTable;
}

/**
 * What the shared matching flow works on: one agency's database, its two matching tables, and two
 * lookups into its person table, a fixed number of statements each.
 */
export interface MatchingStore<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  mashSubject: MashSubjectTable;
  matchCandidate: MatchCandidateTable;
  linkEvent: LinkEventTable;
  /** Every person record's id, in id order (a re-run of linkage over everything). */
  allRecordIds(): Promise<string[]>;
  /** The agency's person records sharing a blocking key with any of the keys: two statements. */
  findBlockedRecords(keys: readonly BlockingKeys[]): Promise<AgencyIdentity[]>;
  /** The agency's person records with these ids: two statements. */
  loadRecords(recordIds: readonly string[]): Promise<AgencyIdentity[]>;
}

/** The person's columns as the matcher compares them, under the matcher's names. */
function identityColumns(tables: MatchingTables) {
  const { person } = tables;
  return {
    recordId: tables.personId,
    givenName: person.givenName,
    middleNames: person.middleNames,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    addressLine1: person.addressLine1,
    postcode: person.addressPostcode,
    strongIdentifier: tables.strongIdentifier,
  };
}

type IdentityRow = Omit<AgencyIdentity, "aliases" | "middleNames" | "recordId"> & {
  recordId: string | null;
  middleNames: string[] | null;
};

/**
 * One agency's side of record matching, from its tables: every person lookup is one statement
 * through the person table's indexes, plus one for the aliases of all the records it found.
 */
export function matchingStore<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  tables: MatchingTables,
): MatchingStore<TSchema> {
  const { person, alias } = tables;
  const columns = identityColumns(tables);

  /** Records with their aliases: one more statement for any number of records. */
  async function withAliases(rows: IdentityRow[]): Promise<AgencyIdentity[]> {
    const ids = rows.flatMap((row) => (row.recordId === null ? [] : [row.recordId]));
    if (ids.length === 0) return [];
    const aliases = await db
      .select({
        personId: tables.aliasPersonId,
        givenName: alias.givenName,
        familyName: alias.familyName,
      })
      .from(alias)
      .where(inArray(tables.aliasPersonId, ids));
    const byRecord = new Map<string, { givenName: string; familyName: string }[]>();
    for (const { personId, givenName, familyName } of aliases) {
      if (personId === null || givenName === null || familyName === null) continue;
      byRecord.set(personId, [...(byRecord.get(personId) ?? []), { givenName, familyName }]);
    }
    return rows.flatMap(({ recordId, middleNames, ...row }) =>
      recordId === null
        ? []
        : [
            {
              ...row,
              recordId,
              middleNames: middleNames ?? [],
              aliases: byRecord.get(recordId) ?? [],
            },
          ],
    );
  }

  return {
    db,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    linkEvent: tables.linkEvent,
    allRecordIds: async () => {
      const rows = await db.select({ id: tables.personId }).from(person).orderBy(tables.personId);
      return rows.flatMap(({ id }) => (id === null ? [] : [id]));
    },
    findBlockedRecords: async (keys) => {
      const condition = blockingCondition(
        {
          strongIdentifier: tables.strongIdentifier,
          dateOfBirth: person.dateOfBirth,
          postcode: person.addressPostcode,
          familyName: person.familyName,
          givenName: person.givenName,
          aliases: {
            table: alias,
            personId: tables.aliasPersonId,
            recordId: tables.personId,
            familyName: alias.familyName,
            givenName: alias.givenName,
          },
        },
        keys,
      );
      if (!condition) return [];
      return withAliases(await db.select(columns).from(person).where(condition));
    },
    loadRecords: async (recordIds) => {
      if (recordIds.length === 0) return [];
      const rows = await db
        .select(columns)
        .from(person)
        .where(inArray(tables.personId, [...recordIds]));
      return withAliases(rows);
    },
  };
}
