import { blockingCondition } from "@mash/agency-kit/matching/blocking-sql";
import type { AgencyIdentity } from "@mash/agency-kit/matching/identity";
import type { MatchingStore } from "@mash/agency-kit/matching/matching-store";
import { inArray } from "drizzle-orm";
import * as tables from "../db/schema.js";
import type { ProbationDatabase } from "../loaders.js";

type RecordRow = typeof tables.offender.$inferSelect;
type AliasRow = typeof tables.offenderAlias.$inferSelect;

/** An offender record as the matcher compares it. */
function identityOf(row: RecordRow, aliases: readonly AliasRow[]): AgencyIdentity {
  return {
    recordId: row.crn,
    givenName: row.givenName,
    middleNames: row.middleNames,
    familyName: row.familyName,
    aliases: aliases.map(({ givenName, familyName }) => ({ givenName, familyName })),
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    addressLine1: row.addressLine1,
    postcode: row.addressPostcode,
    strongIdentifier: row.crn,
  };
}

/** Records with their aliases: two statements for any number of records. */
async function withAliases(db: ProbationDatabase, rows: RecordRow[]): Promise<AgencyIdentity[]> {
  if (rows.length === 0) return [];
  const aliases = await db
    .select()
    .from(tables.offenderAlias)
    .where(
      inArray(
        tables.offenderAlias.crn,
        rows.map((row) => row.crn),
      ),
    );
  const byRecord = new Map<string, AliasRow[]>();
  for (const alias of aliases) {
    byRecord.set(alias.crn, [...(byRecord.get(alias.crn) ?? []), alias]);
  }
  return rows.map((row) => identityOf(row, byRecord.get(row.crn) ?? []));
}

/** Probation's side of record matching: offender records, looked up through their indexes. */
export function probationMatchingStore(db: ProbationDatabase): MatchingStore<typeof tables> {
  const { offender: person } = tables;
  return {
    db,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    findBlockedRecords: async (keys) => {
      const condition = blockingCondition(
        {
          strongIdentifier: person.crn,
          dateOfBirth: person.dateOfBirth,
          postcode: person.addressPostcode,
          familyName: person.familyName,
          givenName: person.givenName,
        },
        keys,
      );
      if (!condition) return [];
      return withAliases(db, await db.select().from(person).where(condition));
    },
    loadRecords: async (recordIds) => {
      if (recordIds.length === 0) return [];
      const rows = await db
        .select()
        .from(person)
        .where(inArray(person.crn, [...recordIds]));
      return withAliases(db, rows);
    },
  };
}
