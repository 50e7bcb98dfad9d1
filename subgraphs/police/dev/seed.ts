import { personRow } from "@mash/agency-kit/db/person-record";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import { hasRows } from "@mash/platform/subgraph/seeding";
import type { AgencyPersonRecord, World } from "@mash/synthetic-world/types";
import { seedFromWorld } from "@mash/synthetic-world/world-seed";
import { parseCroNumber } from "@mash/uk-identifiers/cro-number";
import { parsePncId } from "@mash/uk-identifiers/pnc-id";
import type { IdentifierResult } from "@mash/uk-identifiers/result";
import * as tables from "../src/db/schema.js";
import type { PoliceDatabase } from "../src/loaders.js";
import { policeMatching } from "../src/matching.js";

/** The world spells codes in capitals ("FI", "A", "P"); the pgEnums store their lower-case forms. */
function lowerCase<T extends string>(value: T): Lowercase<T> {
  return value.toLowerCase() as Lowercase<T>;
}

/**
 * The canonical form of an identifier, or null when the record has none. A malformed one stops the
 * seed: the generator promises valid identifiers, and storing a bad one would hide a matching miss.
 */
function canonical(
  value: string | undefined,
  parse: (input: string) => IdentifierResult,
  where: string,
): string | null {
  if (value === undefined) return null;
  const result = parse(value);
  if (!result.ok) throw new Error(`${where}: ${result.message}`);
  return result.value;
}

function nominalRow(record: AgencyPersonRecord, pivotYear: number) {
  return {
    id: record.recordId,
    ...personRow(record),
    pncId: canonical(
      record.pncId,
      (input) => parsePncId(input, { pivotYear }),
      `PNC ID of ${record.recordId}`,
    ),
    croNumber: canonical(record.croNumber, parseCroNumber, `CRO number of ${record.recordId}`),
  };
}

/** One row per (incident, nominal, role): the primary key, whatever the world lists twice. */
function involvementRows(world: World) {
  const rows = new Map<string, typeof tables.incidentInvolvement.$inferInsert>();
  for (const incident of world.police.domesticAbuseIncidents) {
    const incidentId = stableUuid(incident.id, "da-incident");
    for (const { recordId, role } of incident.involved) {
      rows.set(`${incidentId}:${recordId}:${role}`, { incidentId, nominalId: recordId, role });
    }
  }
  return [...rows.values()];
}

/** The rows the police would hold of the synthetic world: nominals, links and what is held. */
export function policeRows(world: World) {
  const records = world.records.police;
  // Short-form PNC IDs are expanded against the world's own "today", so reseeding is reproducible.
  const pivotYear = Number(world.options.asOf.slice(2, 4));
  const events = world.police;
  return {
    nominals: records.map((record) => nominalRow(record, pivotYear)),
    aliases: records.flatMap((record) =>
      record.aliases.map((alias) => ({ nominalId: record.recordId, ...alias })),
    ),
    warningMarkers: events.warningMarkers.map((row) => ({
      nominalId: row.recordId,
      code: lowerCase(row.code),
      addedOn: row.addedOn,
    })),
    notifications: events.notifications.map((row) => ({
      id: stableUuid(row.id, "notification"),
      nominalId: row.recordId,
      raisedAt: new Date(row.raisedAt),
      category: row.category,
      summary: row.summary,
    })),
    incidents: events.domesticAbuseIncidents.map((row) => ({
      id: stableUuid(row.id, "da-incident"),
      occurredAt: new Date(row.occurredAt),
      dashRisk: row.dashRisk,
      maracReferral: row.maracReferral,
      summary: row.summary,
    })),
    involvements: involvementRows(world),
    offences: events.offences.map((row) => ({
      id: stableUuid(row.id, "offence"),
      nominalId: row.recordId,
      committedOn: row.committedOn,
      category: row.category,
      description: row.description,
      arrestedOn: row.arrest?.arrestedOn ?? null,
      arrestOutcome: row.arrest?.outcome ?? null,
    })),
    intelligence: events.intelligence.map((row) => ({
      id: stableUuid(row.id, "intelligence"),
      nominalId: row.recordId,
      recordedOn: row.recordedOn,
      sourceEvaluation: row.sourceEvaluation,
      intelligenceAssessment: lowerCase(row.intelligenceAssessment),
      handlingCode: lowerCase(row.handlingCode),
      sanitisedText: row.sanitisedText,
    })),
  };
}

/** Writes the rows of `policeRows` in one transaction; returns rows per table. */
function insertRows(db: PoliceDatabase, world: World): Promise<Record<string, number>> {
  const rows = policeRows(world);
  return db.transaction(async (tx) => ({
    nominal: await insertInChunks(tx, tables.nominal, rows.nominals),
    nominal_alias: await insertInChunks(tx, tables.nominalAlias, rows.aliases),
    warning_marker: await insertInChunks(tx, tables.warningMarker, rows.warningMarkers),
    police_notification: await insertInChunks(tx, tables.policeNotification, rows.notifications),
    domestic_abuse_incident: await insertInChunks(tx, tables.domesticAbuseIncident, rows.incidents),
    incident_involvement: await insertInChunks(tx, tables.incidentInvolvement, rows.involvements),
    offence: await insertInChunks(tx, tables.offence, rows.offences),
    intelligence_item: await insertInChunks(tx, tables.intelligenceItem, rows.intelligence),
  }));
}

/** Development and tests only: the development server and test harnesses seed with it. */
export const policeSeeder: SubgraphSeeder<typeof tables> = {
  hasData: hasRows(tables.nominal, tables.nominal.id),
  seed: (db, options) =>
    seedFromWorld(db, options, { insert: insertRows, linkAll: policeMatching.linkAll }),
};
