import { addressToRow } from "@mash/agency-kit/db/address-columns";
import { personRow } from "@mash/agency-kit/db/person-record";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import { hasRows } from "@mash/platform/subgraph/seeding";
import type { LicenceCondition, ProbationCase, World } from "@mash/synthetic-world/types";
import { seedFromWorld } from "@mash/synthetic-world/world-seed";
import * as tables from "../src/db/schema.js";
import type { ProbationDatabase } from "../src/loaders.js";
import { probationMatching } from "../src/matching.js";

const caseId = (row: ProbationCase) => stableUuid(row.id, "probation-case");
const conditionId = (row: LicenceCondition) => stableUuid(row.id, "licence-condition");

/** The world gives MAPPA as numbers; the database stores the enum's lower-case names. */
function mappaColumns(row: ProbationCase) {
  if (!row.mappa) return { mappaCategory: null, mappaLevel: null };
  return {
    mappaCategory: `category_${row.mappa.category}` as const,
    mappaLevel: `level_${row.mappa.level}` as const,
  };
}

function caseRow(row: ProbationCase) {
  return {
    id: caseId(row),
    crn: row.recordId,
    supervisionType: row.supervisionType,
    offenderManager: row.offenderManager,
    startDate: row.startDate,
    endDate: row.endDate,
    indexOffence: row.indexOffence,
    ...mappaColumns(row),
    roshOverall: row.rosh.overall,
    roshChildren: row.rosh.children,
    roshPublic: row.rosh.public,
    roshKnownAdult: row.rosh.knownAdult,
    roshStaff: row.rosh.staff,
  };
}

/**
 * The rows probation would hold of the synthetic world: its offender records (known to social care
 * or not), their cases and conditions, and the ground-truth links of its records to MASH subjects.
 */
export function probationRows(world: World) {
  const records = world.records.probation;
  const cases = world.probation.cases;
  const conditions = cases.flatMap((row) =>
    row.licenceConditions.map((condition, position) => ({ row, condition, position })),
  );
  return {
    offenders: records.map((record) => ({
      crn: record.recordId,
      ...personRow(record),
      pncId: record.pncId ?? null,
    })),
    aliases: records.flatMap((record) =>
      record.aliases.map((alias) => ({ crn: record.recordId, ...alias })),
    ),
    cases: cases.map(caseRow),
    conditions: conditions.map(({ row, condition, position }) => ({
      id: conditionId(condition),
      caseId: caseId(row),
      position,
      type: condition.type,
      description: condition.description,
    })),
    // The protected person's true identity stays out: probation holds only what it recorded.
    protectedPeople: conditions.flatMap(({ condition }) =>
      condition.protectedPerson
        ? [
            {
              conditionId: conditionId(condition),
              givenName: condition.protectedPerson.name.givenName,
              familyName: condition.protectedPerson.name.familyName,
              ...addressToRow(condition.protectedPerson.address),
            },
          ]
        : [],
    ),
  };
}

/** Writes the rows of `probationRows` in one transaction; returns rows per table. */
function insertRows(db: ProbationDatabase, world: World): Promise<Record<string, number>> {
  const rows = probationRows(world);
  return db.transaction(async (tx) => ({
    offender: await insertInChunks(tx, tables.offender, rows.offenders),
    offender_alias: await insertInChunks(tx, tables.offenderAlias, rows.aliases),
    probation_case: await insertInChunks(tx, tables.probationCase, rows.cases),
    licence_condition: await insertInChunks(tx, tables.licenceCondition, rows.conditions),
    protected_person: await insertInChunks(tx, tables.protectedPerson, rows.protectedPeople),
  }));
}

/** Development and tests only: the development server and test harnesses seed with it. */
export const probationSeeder: SubgraphSeeder<typeof tables> = {
  hasData: hasRows(tables.offender, tables.offender.crn),
  seed: (db, options) =>
    seedFromWorld(db, options, { insert: insertRows, linkAll: probationMatching.linkAll }),
};
