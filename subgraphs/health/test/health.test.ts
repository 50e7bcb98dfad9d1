import type { AgencyPersonRecord, World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { linksMadeByLinkage } from "@mash/test-suites/links-made-by-linkage";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSeeder } from "../dev/seed.js";
import type { HealthContext } from "../src/context.js";
import * as schema from "../src/db/schema.js";
import { healthSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 400 };
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const SECTION = `
  known
  summary {
    registeredPractice { code name }
    activeCpisFlag activeCpisPlanType
    unscheduledCareAttendancesInLast12Months emergencyDepartmentAttendancesInLast12Months
    lastUnscheduledCareAttendanceAt openCamhsInvolvement currentPregnancy
    lastCommunityHealthContactOn
  }
  patients {
    id nhsNumber name { givenName middleNames familyName } aliases { givenName familyName }
    dateOfBirth sex gender address { line1 postcode }
  }
  gpRegistrations { patientId practice { code name } registeredOn }
  cpisFlags {
    id patientId nhsNumber planType startDate endDate
    localAuthority { name code officeHoursPhone outOfHoursPhone }
    accesses { accessedAt setting }
  }
  unscheduledCareAttendances { id patientId attendedAt setting presentingComplaint }
  communityHealthContacts { id patientId contactDate service summary }
  maternityEpisodes { id patientId bookingDate expectedDeliveryDate concerns }
  camhsInvolvements { id patientId referredOn status closedOn clinicalNotes }
`;

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Subject { id health { ${SECTION} } } }
}`;

interface Section {
  known: boolean;
  summary: Record<string, unknown>;
  patients: { id: string; nhsNumber: string | null; name: Record<string, unknown> }[];
  gpRegistrations: {
    patientId: string;
    practice: { code: string; name: string };
    registeredOn: string;
  }[];
  cpisFlags: {
    patientId: string;
    nhsNumber: string;
    planType: string;
    startDate: string;
    endDate: string | null;
    localAuthority: Record<string, string>;
    accesses: { accessedAt: string; setting: string }[];
  }[];
  unscheduledCareAttendances: {
    patientId: string;
    attendedAt: string;
    setting: string;
    presentingComplaint: string;
  }[];
  communityHealthContacts: {
    patientId: string;
    contactDate: string;
    service: string;
    summary: string;
  }[];
  maternityEpisodes: {
    patientId: string;
    bookingDate: string;
    expectedDeliveryDate: string;
    concerns: string[];
  }[];
  camhsInvolvements: {
    patientId: string;
    referredOn: string;
    status: string;
    closedOn: string | null;
    clinicalNotes: string;
  }[];
}

/** Ground truth: the world's health events of one subject's records, as the API should show them. */
function expectedSection(world: World, recordIds: string[]) {
  const mine = <T extends { recordId: string }>(rows: T[]) =>
    rows.filter((row) => recordIds.includes(row.recordId));
  const instant = (iso: string) => new Date(iso).toISOString();
  const attendances = mine(world.health.unscheduledCare);
  return {
    gpRegistrations: mine(world.health.registrations).map((row) => ({
      patientId: row.recordId,
      practice: { code: row.practiceCode, name: row.practiceName },
      registeredOn: row.registeredOn,
    })),
    cpisFlags: mine(world.health.cpisFlags).map((flag) => ({
      patientId: flag.recordId,
      nhsNumber: flag.nhsNumber,
      planType: flag.planType.toUpperCase(),
      startDate: flag.startDate,
      endDate: flag.endDate ?? null,
      localAuthority: { ...flag.localAuthority },
      accesses: attendances
        .filter((row) => row.recordId === flag.recordId)
        .filter((row) => {
          const day = row.attendedAt.slice(0, 10);
          return day >= flag.startDate && (!flag.endDate || day <= flag.endDate);
        })
        .map((row) => ({ accessedAt: instant(row.attendedAt), setting: row.setting.toUpperCase() }))
        .sort((a, b) => b.accessedAt.localeCompare(a.accessedAt)),
    })),
    unscheduledCareAttendances: attendances.map((row) => ({
      patientId: row.recordId,
      attendedAt: instant(row.attendedAt),
      setting: row.setting.toUpperCase(),
      presentingComplaint: row.presentingComplaint,
    })),
    communityHealthContacts: mine(world.health.communityContacts).map((row) => ({
      patientId: row.recordId,
      contactDate: row.contactDate,
      service: row.service.toUpperCase(),
      summary: row.summary,
    })),
    maternityEpisodes: mine(world.health.maternity).map((row) => ({
      patientId: row.recordId,
      bookingDate: row.bookingDate,
      expectedDeliveryDate: row.expectedDeliveryDate,
      concerns: row.concerns,
    })),
    camhsInvolvements: mine(world.health.camhs).map((row) => ({
      patientId: row.recordId,
      referredOn: row.referredOn,
      status: row.status.toUpperCase(),
      closedOn: row.closedOn ?? null,
      clinicalNotes: row.clinicalNotes,
    })),
  };
}

/** The summary the records imply, judged at `now`. */
function expectedSummary(expected: ReturnType<typeof expectedSection>, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const yearAgo = now.getTime() - YEAR_MS;
  const latest = (values: string[]) => [...values].sort().at(-1) ?? null;
  const active = expected.cpisFlags
    .filter((flag) => flag.startDate <= today && (!flag.endDate || flag.endDate >= today))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  const recent = expected.unscheduledCareAttendances.filter(
    (row) => new Date(row.attendedAt).getTime() >= yearAgo,
  );
  const newestRegistration = [...expected.gpRegistrations].sort((a, b) =>
    b.registeredOn.localeCompare(a.registeredOn),
  )[0];
  return {
    registeredPractice: newestRegistration?.practice ?? null,
    activeCpisFlag: active.length > 0,
    activeCpisPlanType: active[0]?.planType ?? null,
    unscheduledCareAttendancesInLast12Months: recent.length,
    emergencyDepartmentAttendancesInLast12Months: recent.filter(
      (row) => row.setting === "EMERGENCY_DEPARTMENT",
    ).length,
    lastUnscheduledCareAttendanceAt: latest(
      expected.unscheduledCareAttendances.map((row) => row.attendedAt),
    ),
    openCamhsInvolvement: expected.camhsInvolvements.some((row) => row.status === "OPEN"),
    currentPregnancy: expected.maternityEpisodes.some(
      (row) => row.bookingDate <= today && row.expectedDeliveryDate >= today,
    ),
    lastCommunityHealthContactOn: latest(
      expected.communityHealthContacts.map((row) => row.contactDate),
    ),
  };
}

/** Lists compared as multisets: equal dates may come in either order. */
function canonical(rows: readonly unknown[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

/** Drops the fields the world does not know (stored ids) so rows compare with ground truth. */
function withoutIds<T extends { id?: unknown }>(rows: T[]): Omit<T, "id">[] {
  return rows.map(({ id: _id, ...rest }) => rest);
}

/** DateTime values in one form (the API's and the world's may differ in precision). */
function normaliseInstants<T>(rows: T[]): T[] {
  return JSON.parse(JSON.stringify(rows), (key, value) =>
    (key === "attendedAt" || key === "accessedAt") && typeof value === "string"
      ? new Date(value).toISOString()
      : value,
  ) as T[];
}

function expectNewestFirst(values: string[]) {
  const times = values.map((value) => new Date(value).getTime());
  for (let i = 1; i < times.length; i++) {
    expect(times[i]).toBeLessThanOrEqual(times[i - 1] ?? Number.POSITIVE_INFINITY);
  }
}

function expectSectionMatches(world: World, section: Section, recordIds: string[]) {
  const expected = expectedSection(world, recordIds);
  expect(section.known).toBe(true);
  expect(section.patients.map((p) => p.id).sort()).toEqual([...recordIds].sort());
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    const actual = normaliseInstants(withoutIds(section[key] as { id?: unknown }[]));
    expect(canonical(actual), key).toEqual(canonical(expected[key]));
  }
  expectNewestFirst(section.unscheduledCareAttendances.map((row) => row.attendedAt));
  expectNewestFirst(section.communityHealthContacts.map((row) => row.contactDate));
  expectNewestFirst(section.maternityEpisodes.map((row) => row.bookingDate));
  expectNewestFirst(section.camhsInvolvements.map((row) => row.referredOn));
  expectNewestFirst(section.cpisFlags.map((row) => row.startDate));
  expectNewestFirst(section.gpRegistrations.map((row) => row.registeredOn));
  // In-process results hold DateTime values as Date objects; over HTTP they are ISO strings.
  expect(JSON.parse(JSON.stringify(section.summary))).toEqual(
    expectedSummary(expected, new Date()),
  );
}

describe.each(testDatabases())("health subgraph on $name", (database) => {
  let harness: SubgraphHarness<typeof schema, HealthContext>;
  let world: World;
  /** MASH subject id → the health record ids truly theirs. */
  let recordsBySubject: Map<string, string[]>;
  let healthRecords: Map<string, AgencyPersonRecord>;

  /** How many health events a subject's records hold (to pick subjects with a rich history). */
  const eventCount = (recordIds: string[]) =>
    Object.values(world.health).reduce(
      (total, rows: { recordId: string }[]) =>
        total + rows.filter((row) => recordIds.includes(row.recordId)).length,
      0,
    );

  const sectionsFor = async (subjectIds: string[]) => {
    const result = await harness.execute(ENTITIES, {
      reps: subjectIds.map((id) => ({ __typename: "Subject", id })),
    });
    expect(result.errors).toBeUndefined();
    const entities = (result.data?._entities ?? []) as { id: string; health: Section }[];
    return entities.map((entity) => entity.health);
  };

  beforeAll(async () => {
    world = generateWorld(SEED);
    healthRecords = new Map(world.records.health.map((record) => [record.recordId, record]));
    harness = await startSubgraphHarness(
      healthSubgraph,
      database,
      { ...SEED, seeder: healthSeeder },
      allSeeingAuthority(
        world.records.socialCare.map((record) => record.recordId),
        "health",
      ),
    );
    // Linkage made every link (the seed copies none from ground truth), each a true one.
    recordsBySubject = new Map();
    const db = harness.prepared.database.db;
    for (const link of await linksMadeByLinkage(db, schema.subjectLink, world, "health")) {
      recordsBySubject.set(link.subjectId, [
        ...(recordsBySubject.get(link.subjectId) ?? []),
        link.recordId,
      ]);
    }
  });
  afterAll(() => harness?.close());

  it("returns the section of a subject known to health, equal to the world's events", async () => {
    const [subjectId, recordIds] =
      [...recordsBySubject.entries()]
        .filter(([, ids]) => ids.length === 1)
        .sort((a, b) => eventCount(b[1]) - eventCount(a[1]))[0] ?? [];
    if (!subjectId || !recordIds) throw new Error("world has no subject known to health");
    const [section] = await sectionsFor([subjectId]);
    if (!section) throw new Error("no section returned");
    expectSectionMatches(world, section, recordIds);

    const record = healthRecords.get(recordIds[0] ?? "");
    expect(section.patients[0]).toMatchObject({
      id: record?.recordId,
      nhsNumber: record?.nhsNumber ?? null,
      name: {
        givenName: record?.givenName,
        middleNames: record?.middleNames,
        familyName: record?.familyName,
      },
      dateOfBirth: record?.dateOfBirth,
      address: { line1: record?.address.line1, postcode: record?.address.postcode },
    });
    expect(section.unscheduledCareAttendances.length).toBeGreaterThan(0);
  });

  it("says known: false, with empty lists, for a subject health does not know", async () => {
    const unknown = world.records.socialCare.find((r) => !recordsBySubject.has(r.recordId));
    if (!unknown) throw new Error("every subject is known to health");
    const [section] = await sectionsFor([unknown.recordId]);
    expect(section).toEqual({
      known: false,
      summary: {
        registeredPractice: null,
        activeCpisFlag: false,
        activeCpisPlanType: null,
        unscheduledCareAttendancesInLast12Months: 0,
        emergencyDepartmentAttendancesInLast12Months: 0,
        lastUnscheduledCareAttendanceAt: null,
        openCamhsInvolvement: false,
        currentPregnancy: false,
        lastCommunityHealthContactOn: null,
      },
      patients: [],
      gpRegistrations: [],
      cpisFlags: [],
      unscheduledCareAttendances: [],
      communityHealthContacts: [],
      maternityEpisodes: [],
      camhsInvolvements: [],
    });
  });

  it("aggregates every record of a subject health holds twice", async () => {
    // The synthetic world gives health no duplicate records (only police has them), so make one
    // the way a researcher would: confirm a second, unlinked patient record as the same subject.
    const linked = new Set([...recordsBySubject.values()].flat());
    const [subjectId, recordIds] =
      [...recordsBySubject.entries()]
        .filter(([, ids]) => ids.length === 1)
        .sort((a, b) => eventCount(b[1]) - eventCount(a[1]))[0] ?? [];
    const duplicate = world.records.health
      .map((record) => record.recordId)
      .filter((id) => !linked.has(id))
      .sort((a, b) => eventCount([b]) - eventCount([a]))[0];
    if (!subjectId || !recordIds || !duplicate) throw new Error("world too small");
    const { db } = harness.prepared.database;
    await db.insert(schema.subjectLink).values({
      subjectId,
      recordId: duplicate,
      source: "researcher_confirmed",
      linkedBy: "test researcher",
    });
    try {
      const [section] = await sectionsFor([subjectId]);
      if (!section) throw new Error("no section returned");
      expect(section.patients).toHaveLength(2);
      expect(eventCount([duplicate])).toBeGreaterThan(0);
      expectSectionMatches(world, section, [...recordIds, duplicate]);
    } finally {
      await db
        .delete(schema.subjectLink)
        .where(
          and(
            eq(schema.subjectLink.subjectId, subjectId),
            eq(schema.subjectLink.recordId, duplicate),
          ),
        );
    }
  });

  it("computes every known subject's summary consistently with its records", async () => {
    const subjectIds = [...recordsBySubject.keys()];
    const sections = await sectionsFor(subjectIds);
    subjectIds.forEach((subjectId, i) => {
      const section = sections[i];
      if (!section) throw new Error(`no section for ${subjectId}`);
      expectSectionMatches(world, section, recordsBySubject.get(subjectId) ?? []);
    });
    // The world must exercise every summary flag, or this test proves little.
    const summaries = sections.map((section) => section.summary);
    expect(summaries.some((s) => s.activeCpisFlag)).toBe(true);
    expect(summaries.some((s) => s.openCamhsInvolvement)).toBe(true);
    expect(
      summaries.some((s) => (s.emergencyDepartmentAttendancesInLast12Months as number) > 0),
    ).toBe(true);
  });

  it("returns the restricted items: CAMHS clinical notes, CP-IS contacts and accesses", async () => {
    const camhs = world.health.camhs[0];
    const accessed = world.health.cpisFlags.find((flag) =>
      world.health.unscheduledCare.some(
        (row) => row.recordId === flag.recordId && row.attendedAt.slice(0, 10) >= flag.startDate,
      ),
    );
    const subjectOf = (recordId: string | undefined) =>
      [...recordsBySubject.entries()].find(([, ids]) => recordId && ids.includes(recordId))?.[0];
    const camhsSubject = subjectOf(camhs?.recordId);
    const flagSubject = subjectOf(accessed?.recordId);
    if (!camhs || !accessed || !camhsSubject || !flagSubject) {
      throw new Error("world has no linked CAMHS involvement or accessed CP-IS flag");
    }
    const [camhsSection, flagSection] = await sectionsFor([camhsSubject, flagSubject]);
    expect(camhsSection?.camhsInvolvements.map((row) => row.clinicalNotes)).toContain(
      camhs.clinicalNotes,
    );
    const flag = flagSection?.cpisFlags.find((row) => row.startDate === accessed.startDate);
    expect(flag?.localAuthority).toEqual(accessed.localAuthority);
    expect(flag?.accesses.length).toBeGreaterThan(0);
  });

  it("rejects a malformed subject id as BAD_USER_INPUT", async () => {
    const result = await harness.execute(ENTITIES, {
      reps: [{ __typename: "Subject", id: "not-a-uuid" }],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "representations.id",
      reason: "MALFORMED_ID",
    });
    expect(JSON.stringify(result)).not.toContain("stacktrace");
  });

  it("costs one statement per table for 50 subjects with everything health holds", async () => {
    // Known subjects first (so every table is reached), then unknown ones.
    const known = [...recordsBySubject.keys()];
    const unknown = world.records.socialCare
      .map((record) => record.recordId)
      .filter((id) => !recordsBySubject.has(id));
    const subjectIds = [...known.slice(0, 40), ...unknown.slice(0, 10)];
    expect(subjectIds).toHaveLength(50);
    const { result, statements } = await harness.countStatements(ENTITIES, {
      reps: subjectIds.map((id) => ({ __typename: "Subject", id })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(50);
    // subject_link, patient, patient_alias, gp_registration, cpis_flag, cpis_access,
    // unscheduled_care_attendance, community_health_contact, maternity_episode, camhs_involvement:
    // 10 tables, each at most once, whatever the number of subjects.
    expect(statements).toBeLessThanOrEqual(10);
  });
});
