import { personRow } from "@mash/agency-kit/db/person-record";
import { stableUuid } from "@mash/platform/db/deterministic-id";
import { insertInChunks } from "@mash/platform/db/insert-in-chunks";
import type { SubgraphSeeder } from "@mash/platform/subgraph/seeding";
import { hasRows } from "@mash/platform/subgraph/seeding";
import type { CpisFlag, UnscheduledCareAttendance, World } from "@mash/synthetic-world/types";
import { seedFromWorld } from "@mash/synthetic-world/world-seed";
import * as tables from "../src/db/schema.js";
import type { HealthDatabase } from "../src/loaders.js";
import { healthMatching } from "../src/matching.js";

const flagId = (flag: CpisFlag) => stableUuid(flag.id, "cpis-flag");
const attendanceId = (attendance: UnscheduledCareAttendance) =>
  stableUuid(attendance.id, "unscheduled-care");

/** Whether an attendance fell within the flag's period (an open flag runs to today). */
function duringFlag(flag: CpisFlag, attendance: UnscheduledCareAttendance): boolean {
  const day = attendance.attendedAt.slice(0, 10);
  return day >= flag.startDate && (flag.endDate === undefined || day <= flag.endDate);
}

/**
 * The world does not record CP-IS accesses; they follow from it. Unscheduled care checks CP-IS on
 * every attendance of a flagged child, so each attendance of the flag's patient while the flag was
 * in force is one access to it.
 */
export function cpisAccessRows(world: World) {
  const attendancesByRecord = new Map<string, UnscheduledCareAttendance[]>();
  for (const row of world.health.unscheduledCare) {
    const list = attendancesByRecord.get(row.recordId);
    if (list) list.push(row);
    else attendancesByRecord.set(row.recordId, [row]);
  }
  return world.health.cpisFlags.flatMap((flag) =>
    (attendancesByRecord.get(flag.recordId) ?? [])
      .filter((attendance) => duringFlag(flag, attendance))
      .map((attendance) => ({
        flagId: flagId(flag),
        attendanceId: attendanceId(attendance),
        accessedAt: new Date(attendance.attendedAt),
        setting: attendance.setting,
      })),
  );
}

/** The rows health would hold of the synthetic world: its patient records and their history. */
export function healthRows(world: World) {
  const records = world.records.health;
  const events = world.health;
  return {
    patients: records.map((record) => ({
      id: record.recordId,
      nhsNumber: record.nhsNumber ?? null,
      ...personRow(record),
    })),
    aliases: records.flatMap((record) =>
      record.aliases.map((alias) => ({ patientId: record.recordId, ...alias })),
    ),
    gpRegistrations: events.registrations.map((row) => ({
      patientId: row.recordId,
      practiceCode: row.practiceCode,
      practiceName: row.practiceName,
      registeredOn: row.registeredOn,
    })),
    cpisFlags: events.cpisFlags.map((row) => ({
      id: flagId(row),
      patientId: row.recordId,
      nhsNumber: row.nhsNumber,
      planType: row.planType,
      startDate: row.startDate,
      endDate: row.endDate ?? null,
      localAuthorityName: row.localAuthority.name,
      localAuthorityCode: row.localAuthority.code,
      localAuthorityOfficeHoursPhone: row.localAuthority.officeHoursPhone,
      localAuthorityOutOfHoursPhone: row.localAuthority.outOfHoursPhone,
    })),
    cpisAccesses: cpisAccessRows(world),
    unscheduledCare: events.unscheduledCare.map((row) => ({
      id: attendanceId(row),
      patientId: row.recordId,
      attendedAt: new Date(row.attendedAt),
      setting: row.setting,
      presentingComplaint: row.presentingComplaint,
    })),
    communityContacts: events.communityContacts.map((row) => ({
      id: stableUuid(row.id, "community-health"),
      patientId: row.recordId,
      contactDate: row.contactDate,
      service: row.service,
      summary: row.summary,
    })),
    maternity: events.maternity.map((row) => ({
      id: stableUuid(row.id, "maternity"),
      patientId: row.recordId,
      bookingDate: row.bookingDate,
      expectedDeliveryDate: row.expectedDeliveryDate,
      concerns: row.concerns,
    })),
    camhs: events.camhs.map((row) => ({
      id: stableUuid(row.id, "camhs"),
      patientId: row.recordId,
      referredOn: row.referredOn,
      status: row.status,
      closedOn: row.closedOn ?? null,
      clinicalNotes: row.clinicalNotes,
    })),
  };
}

/** Writes the rows of `healthRows` in one transaction; returns rows per table. */
function insertRows(db: HealthDatabase, world: World): Promise<Record<string, number>> {
  const rows = healthRows(world);
  return db.transaction(async (tx) => ({
    patient: await insertInChunks(tx, tables.patient, rows.patients),
    patient_alias: await insertInChunks(tx, tables.patientAlias, rows.aliases),
    gp_registration: await insertInChunks(tx, tables.gpRegistration, rows.gpRegistrations),
    cpis_flag: await insertInChunks(tx, tables.cpisFlag, rows.cpisFlags),
    unscheduled_care_attendance: await insertInChunks(
      tx,
      tables.unscheduledCareAttendance,
      rows.unscheduledCare,
    ),
    // After the flags and attendances it refers to.
    cpis_access: await insertInChunks(tx, tables.cpisAccess, rows.cpisAccesses),
    community_health_contact: await insertInChunks(
      tx,
      tables.communityHealthContact,
      rows.communityContacts,
    ),
    maternity_episode: await insertInChunks(tx, tables.maternityEpisode, rows.maternity),
    camhs_involvement: await insertInChunks(tx, tables.camhsInvolvement, rows.camhs),
  }));
}

/** Development and tests only: the development server and test harnesses seed with it. */
export const healthSeeder: SubgraphSeeder<typeof tables> = {
  hasData: hasRows(tables.patient, tables.patient.id),
  seed: (db, options) =>
    seedFromWorld(db, options, { insert: insertRows, linkAll: healthMatching.linkAll }),
};
