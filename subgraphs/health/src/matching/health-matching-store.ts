import { blockingCondition } from "@mash/agency-kit/matching/blocking-sql";
import type { AgencyIdentity } from "@mash/agency-kit/matching/identity";
import type { MatchingStore } from "@mash/agency-kit/matching/matching-store";
import { inArray } from "drizzle-orm";
import * as tables from "../db/schema.js";
import type { HealthDatabase } from "../loaders.js";

type RecordRow = typeof tables.patient.$inferSelect;
type AliasRow = typeof tables.patientAlias.$inferSelect;

/** A patient record as the matcher compares it. */
function identityOf(row: RecordRow, aliases: readonly AliasRow[]): AgencyIdentity {
  return {
    recordId: row.id,
    givenName: row.givenName,
    middleNames: row.middleNames,
    familyName: row.familyName,
    aliases: aliases.map(({ givenName, familyName }) => ({ givenName, familyName })),
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    addressLine1: row.addressLine1,
    postcode: row.addressPostcode,
    strongIdentifier: row.nhsNumber,
  };
}

/** Records with their aliases: two statements for any number of records. */
async function withAliases(db: HealthDatabase, rows: RecordRow[]): Promise<AgencyIdentity[]> {
  if (rows.length === 0) return [];
  const aliases = await db
    .select()
    .from(tables.patientAlias)
    .where(
      inArray(
        tables.patientAlias.patientId,
        rows.map((row) => row.id),
      ),
    );
  const byRecord = new Map<string, AliasRow[]>();
  for (const alias of aliases) {
    byRecord.set(alias.patientId, [...(byRecord.get(alias.patientId) ?? []), alias]);
  }
  return rows.map((row) => identityOf(row, byRecord.get(row.id) ?? []));
}

/** Health's side of record matching: patients, looked up through their indexes. */
export function healthMatchingStore(db: HealthDatabase): MatchingStore<typeof tables> {
  const { patient: person } = tables;
  return {
    db,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    findBlockedRecords: async (keys) => {
      const condition = blockingCondition(
        {
          strongIdentifier: person.nhsNumber,
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
        .where(inArray(person.id, [...recordIds]));
      return withAliases(db, rows);
    },
  };
}
