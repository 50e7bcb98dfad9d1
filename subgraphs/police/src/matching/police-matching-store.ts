import { blockingCondition } from "@mash/agency-kit/matching/blocking-sql";
import type { AgencyIdentity } from "@mash/agency-kit/matching/identity";
import type { MatchingStore } from "@mash/agency-kit/matching/matching-store";
import { inArray } from "drizzle-orm";
import * as tables from "../db/schema.js";
import type { PoliceDatabase } from "../loaders.js";

type NominalRow = typeof tables.nominal.$inferSelect;
type AliasRow = typeof tables.nominalAlias.$inferSelect;

/** The force's key for a person is the PNC ID; social care does not hold it, so it only matches
 * when both sides carry one (a subject identity from elsewhere, or two nominals). */
function identityOf(row: NominalRow, aliases: readonly AliasRow[]): AgencyIdentity {
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
    strongIdentifier: row.pncId,
  };
}

/** Nominals with their aliases: two statements for any number of nominals. */
async function withAliases(db: PoliceDatabase, rows: NominalRow[]): Promise<AgencyIdentity[]> {
  if (rows.length === 0) return [];
  const aliases = await db
    .select()
    .from(tables.nominalAlias)
    .where(
      inArray(
        tables.nominalAlias.nominalId,
        rows.map((row) => row.id),
      ),
    );
  const byNominal = new Map<string, AliasRow[]>();
  for (const alias of aliases) {
    byNominal.set(alias.nominalId, [...(byNominal.get(alias.nominalId) ?? []), alias]);
  }
  return rows.map((row) => identityOf(row, byNominal.get(row.id) ?? []));
}

/** The police's side of record matching: nominals, looked up through their indexes. */
export function policeMatchingStore(db: PoliceDatabase): MatchingStore<typeof tables> {
  const { nominal } = tables;
  return {
    db,
    mashSubject: tables.mashSubject,
    matchCandidate: tables.matchCandidate,
    findBlockedRecords: async (keys) => {
      const condition = blockingCondition(
        {
          strongIdentifier: nominal.pncId,
          dateOfBirth: nominal.dateOfBirth,
          postcode: nominal.addressPostcode,
          familyName: nominal.familyName,
          givenName: nominal.givenName,
        },
        keys,
      );
      if (!condition) return [];
      return withAliases(db, await db.select().from(nominal).where(condition));
    },
    loadRecords: async (recordIds) => {
      if (recordIds.length === 0) return [];
      const rows = await db
        .select()
        .from(nominal)
        .where(inArray(nominal.id, [...recordIds]));
      return withAliases(db, rows);
    },
  };
}
