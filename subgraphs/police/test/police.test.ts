import { stableUuid } from "@mash/platform/db/deterministic-id";
import type { World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { linksMadeByLinkage } from "@mash/test-suites/links-made-by-linkage";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policeSeeder } from "../dev/seed.js";
import type { PoliceContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { collectIncidents } from "../src/police-section.js";
import { policeSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 1000 };
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

const SECTION = `
  known
  summary {
    domesticAbuseIncidentCount domesticAbuseIncidentsInLast12Months latestDomesticAbuseIncidentAt
    latestDashRisk highestDashRiskInLast12Months everReferredToMarac
    timesAsVictim timesAsPerpetrator timesAsChildPresent
    offenceCount latestOffenceOn notificationCount warningMarkerCodes intelligenceItemCount
  }
  nominals {
    id name { givenName middleNames familyName } aliases { givenName familyName }
    dateOfBirth sex gender address { line1 postcode } pncId croNumber
    link { source linkedAt linkedBy }
  }
  warningMarkers { code addedOn nominalId }
  notifications { id raisedAt category summary nominalId }
  domesticAbuseIncidents {
    id occurredAt role involvements { nominalId role } dashRisk maracReferral summary
  }
  offences { id committedOn category description arrest { arrestedOn outcome } nominalId }
  intelligence {
    id recordedOn sourceEvaluation sourceEvaluationGrade intelligenceAssessment handlingCode
    sanitisedText nominalId
  }
`;

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Subject { id police { ${SECTION} } } }
}`;

interface Section {
  known: boolean;
  summary: Record<string, unknown>;
  nominals: { id: string; pncId: string | null; link: { source: string } }[];
  warningMarkers: { code: string; addedOn: string; nominalId: string }[];
  notifications: {
    id: string;
    raisedAt: string;
    category: string;
    summary: string;
    nominalId: string;
  }[];
  domesticAbuseIncidents: {
    id: string;
    occurredAt: string;
    role: string;
    involvements: { nominalId: string; role: string }[];
    dashRisk: string;
    maracReferral: boolean;
  }[];
  offences: {
    id: string;
    committedOn: string;
    category: string;
    description: string;
    arrest: { arrestedOn: string; outcome: string } | null;
    nominalId: string;
  }[];
  intelligence: {
    id: string;
    recordedOn: string;
    sourceEvaluation: string;
    sourceEvaluationGrade: number;
    intelligenceAssessment: string;
    handlingCode: string;
    sanitisedText: string;
    nominalId: string;
  }[];
}

const SOURCE_EVALUATIONS = { 1: "RELIABLE", 2: "UNTESTED", 3: "NOT_RELIABLE" } as const;

/** What the world says the police hold for a set of nominal ids, in the API's shapes. */
function expectedHistory(world: World, recordIds: ReadonlySet<string>) {
  const held = <T extends { recordId: string }>(rows: T[]) =>
    rows.filter((row) => recordIds.has(row.recordId));
  const incidents = world.police.domesticAbuseIncidents.filter((incident) =>
    incident.involved.some((i) => recordIds.has(i.recordId)),
  );
  return {
    warningMarkers: held(world.police.warningMarkers).map((row) => ({
      code: row.code,
      addedOn: row.addedOn,
      nominalId: row.recordId,
    })),
    notifications: held(world.police.notifications).map((row) => ({
      id: stableUuid(row.id, "notification"),
      raisedAt: new Date(row.raisedAt).toISOString(),
      category: row.category.toUpperCase(),
      nominalId: row.recordId,
    })),
    incidents: incidents.map((incident) => ({
      id: stableUuid(incident.id, "da-incident"),
      occurredAt: new Date(incident.occurredAt).toISOString(),
      roles: incident.involved
        .filter((i) => recordIds.has(i.recordId))
        .map((i) => i.role.toUpperCase())
        .sort(),
      dashRisk: incident.dashRisk.toUpperCase(),
      maracReferral: incident.maracReferral,
    })),
    offences: held(world.police.offences).map((row) => ({
      id: stableUuid(row.id, "offence"),
      committedOn: row.committedOn,
      category: row.category.toUpperCase(),
      description: row.description,
      arrest: row.arrest
        ? { arrestedOn: row.arrest.arrestedOn, outcome: row.arrest.outcome.toUpperCase() }
        : null,
    })),
    intelligence: held(world.police.intelligence).map((row) => ({
      id: stableUuid(row.id, "intelligence"),
      recordedOn: row.recordedOn,
      sourceEvaluation: SOURCE_EVALUATIONS[row.sourceEvaluation],
      sourceEvaluationGrade: row.sourceEvaluation,
      intelligenceAssessment: row.intelligenceAssessment,
      handlingCode: row.handlingCode,
    })),
  };
}

function byKey<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

/** True when `dates` never increases: the API lists newest first. */
function newestFirst(dates: string[]): boolean {
  return dates.every((date, i) => i === 0 || new Date(date) <= new Date(dates[i - 1] ?? date));
}

describe.each(testDatabases())("police subgraph on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, PoliceContext>;
  let world: World;
  /** Nominal ids by MASH subject id, as linkage linked them. */
  const nominalsBySubject = new Map<string, Set<string>>();

  const sectionsFor = async (subjectIds: string[]) => {
    const result = await harness.execute(ENTITIES, {
      reps: subjectIds.map((id) => ({ __typename: "Subject", id })),
    });
    expect(result.errors).toBeUndefined();
    const entities = result.data?._entities as { id: string; police: Section }[] | undefined;
    if (!entities) throw new Error("no _entities in the result");
    // In-process results keep DateTime values as Date objects; a JSON round trip gives what an
    // HTTP client receives.
    return (JSON.parse(JSON.stringify(entities)) as typeof entities).map((entity) => entity.police);
  };

  const sectionFor = async (subjectId: string) => {
    const [section] = await sectionsFor([subjectId]);
    if (!section) throw new Error("no entity returned");
    return section;
  };

  /** The first subject (in link order) whose nominal ids satisfy `wanted`. */
  const subjectWhere = (wanted: (recordIds: Set<string>) => boolean) => {
    const found = [...nominalsBySubject].find(([, recordIds]) => wanted(recordIds));
    if (!found) throw new Error("the synthetic world has no such subject");
    return { subjectId: found[0], recordIds: found[1] };
  };

  beforeAll(async () => {
    world = generateWorld(SEED);
    harness = await startSubgraphHarness(
      policeSubgraph,
      database,
      { ...SEED, seeder: policeSeeder },
      allSeeingAuthority(
        world.records.socialCare.map((record) => record.recordId),
        "police",
      ),
    );
    // The seed links nothing from ground truth: linkage made every link (each a true one), and
    // the sections are checked against the nominals linkage linked.
    const db = harness.prepared.database.db;
    for (const link of await linksMadeByLinkage(db, tables.subjectLink, world, "police")) {
      const ids = nominalsBySubject.get(link.subjectId) ?? new Set<string>();
      ids.add(link.recordId);
      nominalsBySubject.set(link.subjectId, ids);
    }
  });
  afterAll(() => harness?.close());

  it("returns the section of a subject known to the police, as the world recorded it", async () => {
    const holds = (recordIds: Set<string>) => {
      const expected = expectedHistory(world, recordIds);
      return expected.incidents.length > 0 && expected.offences.length > 0;
    };
    const { subjectId, recordIds } = subjectWhere(holds);
    const section = await sectionFor(subjectId);
    const expected = expectedHistory(world, recordIds);

    expect(section.known).toBe(true);
    expect(section.nominals.map((n) => n.id).sort()).toEqual([...recordIds].sort());
    for (const nominal of section.nominals) {
      const record = world.records.police.find((r) => r.recordId === nominal.id);
      expect(nominal).toMatchObject({
        name: { givenName: record?.givenName, familyName: record?.familyName },
        dateOfBirth: record?.dateOfBirth,
        pncId: record?.pncId ?? null,
        link: { source: "AUTO_MATCH", linkedBy: null },
      });
    }
    const id = (row: { id: string }) => row.id;
    expect(byKey(section.notifications, id).map(({ summary: _, ...rest }) => rest)).toEqual(
      byKey(expected.notifications, id),
    );
    expect(byKey(section.offences, id).map(({ nominalId: _, ...rest }) => rest)).toEqual(
      byKey(expected.offences, id),
    );
    expect(
      byKey(section.intelligence, id).map(({ sanitisedText: _, nominalId: __, ...rest }) => rest),
    ).toEqual(byKey(expected.intelligence, id));
    const markerKey = (row: { code: string; nominalId: string }) => `${row.code}${row.nominalId}`;
    expect(byKey(section.warningMarkers, markerKey)).toEqual(
      byKey(expected.warningMarkers, markerKey),
    );
    expect(
      byKey(section.domesticAbuseIncidents, id).map((incident) => ({
        id: incident.id,
        occurredAt: incident.occurredAt,
        roles: incident.involvements.map((i) => i.role).sort(),
        dashRisk: incident.dashRisk,
        maracReferral: incident.maracReferral,
      })),
    ).toEqual(byKey(expected.incidents, id));

    expect(newestFirst(section.domesticAbuseIncidents.map((i) => i.occurredAt))).toBe(true);
    expect(newestFirst(section.offences.map((o) => o.committedOn))).toBe(true);
    expect(newestFirst(section.notifications.map((n) => n.raisedAt))).toBe(true);
  });

  it("shows handling code C intelligence to the police alone", async () => {
    const withCodeC = [...nominalsBySubject].find(([, recordIds]) =>
      world.police.intelligence.some(
        (item) => item.handlingCode === "C" && recordIds.has(item.recordId),
      ),
    );
    if (!withCodeC) throw new Error("the world has no code C intelligence on a subject");
    const [subjectId, recordIds] = withCodeC;
    const items = world.police.intelligence.filter((item) => recordIds.has(item.recordId));
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { police { intelligence { handlingCode } summary { intelligenceItemCount } } } } }`;
    const reps = [{ __typename: "Subject", id: subjectId }];
    const asPolice = await harness.execute(query, { reps });
    const policeView = (asPolice.data?._entities as { police: Section }[] | undefined)?.[0]?.police;
    expect(policeView?.intelligence.map((item) => item.handlingCode).sort()).toEqual(
      items.map((item) => item.handlingCode).sort(),
    );

    const socialWorker = allSeeingAuthority([subjectId], "social-care");
    if (socialWorker.principal) socialWorker.principal.roles = ["mash-social-worker"];
    const asSocialWorker = await harness.execute(query, { reps }, socialWorker);
    expect(asSocialWorker.errors).toBeUndefined();
    const seen = (asSocialWorker.data?._entities as { police: Section }[] | undefined)?.[0]?.police;
    const codeP = items.filter((item) => item.handlingCode === "P").length;
    expect(seen?.intelligence.every((item) => item.handlingCode === "P")).toBe(true);
    expect(seen?.intelligence).toHaveLength(codeP);
    expect(seen?.summary.intelligenceItemCount).toBe(codeP);
  });

  it("answers only `known` for an id outside the caller's purpose", async () => {
    const notInPurpose = "00000000-0000-4000-8000-000000000000";
    const result = await harness.execute(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { police { known offences { id } } } } }`,
      { reps: [{ __typename: "Subject", id: notInPurpose }] },
    );
    expect(result.data?._entities).toEqual([{ police: { known: false, offences: null } }]);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHORIZED_FIELD_OR_TYPE",
      reason: "OUTSIDE_PURPOSE",
    });
  });

  it("says known: false, with empty lists, for subjects the police do not know", async () => {
    const unknownSubject = world.records.socialCare.find((r) => !nominalsBySubject.has(r.recordId));
    if (!unknownSubject) throw new Error("every subject is known to the police");
    for (const section of await sectionsFor([unknownSubject.recordId])) {
      expect(section).toMatchObject({
        known: false,
        nominals: [],
        warningMarkers: [],
        notifications: [],
        domesticAbuseIncidents: [],
        offences: [],
        intelligence: [],
      });
      expect(section.summary).toMatchObject({
        domesticAbuseIncidentCount: 0,
        latestDomesticAbuseIncidentAt: null,
        latestDashRisk: null,
        everReferredToMarac: false,
        offenceCount: 0,
        warningMarkerCodes: [],
        intelligenceItemCount: 0,
      });
    }
  });

  it("aggregates every nominal of a subject the force holds twice", async () => {
    const { subjectId, recordIds } = subjectWhere((ids) => ids.size >= 2);
    const section = await sectionFor(subjectId);
    const expected = expectedHistory(world, recordIds);

    expect(section.nominals.map((n) => n.id).sort()).toEqual([...recordIds].sort());
    expect(new Set(section.notifications.map((n) => n.nominalId))).toEqual(
      new Set(expected.notifications.map((n) => n.nominalId)),
    );
    expect(section.notifications).toHaveLength(expected.notifications.length);
    expect(section.offences).toHaveLength(expected.offences.length);
    expect(section.domesticAbuseIncidents).toHaveLength(expected.incidents.length);
    expect(section.intelligence).toHaveLength(expected.intelligence.length);
    expect(section.summary.notificationCount).toBe(expected.notifications.length);
  });

  it("rejects a malformed subject id as BAD_USER_INPUT, without internals", async () => {
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

  it("summarises consistently with the records and the ground truth", async () => {
    const now = Date.now();
    // Subjects with incidents or offences, so the counts and levels are not all zeros and nulls.
    const subjects = [...nominalsBySubject]
      .filter(([, recordIds]) => {
        const history = expectedHistory(world, recordIds);
        return history.incidents.length + history.offences.length > 0;
      })
      .slice(0, 60);
    expect(subjects.length).toBeGreaterThan(10);
    const sections = await sectionsFor(subjects.map(([subjectId]) => subjectId));
    subjects.forEach(([, recordIds], i) => {
      const section = sections[i] as Section;
      const expected = expectedHistory(world, recordIds);
      const incidents = expected.incidents;
      const recent = incidents.filter(
        (incident) => now - new Date(incident.occurredAt).getTime() <= YEAR_MS,
      );
      const order = ["STANDARD", "MEDIUM", "HIGH"];
      const highest = recent.reduce<string | null>(
        (top, { dashRisk }) =>
          top === null || order.indexOf(dashRisk) > order.indexOf(top) ? dashRisk : top,
        null,
      );
      const latestIncident = byKey(incidents, (incident) => incident.occurredAt).at(-1);
      const latestOffence = byKey(expected.offences, (offence) => offence.committedOn).at(-1);
      const times = (role: string) =>
        incidents.filter((incident) => incident.roles.includes(role)).length;
      expect(section.summary).toEqual({
        domesticAbuseIncidentCount: incidents.length,
        domesticAbuseIncidentsInLast12Months: recent.length,
        latestDomesticAbuseIncidentAt: latestIncident?.occurredAt ?? null,
        latestDashRisk: latestIncident?.dashRisk ?? null,
        highestDashRiskInLast12Months: highest,
        everReferredToMarac: incidents.some((incident) => incident.maracReferral),
        timesAsVictim: times("VICTIM"),
        timesAsPerpetrator: times("PERPETRATOR"),
        timesAsChildPresent: times("CHILD_PRESENT"),
        offenceCount: expected.offences.length,
        latestOffenceOn: latestOffence?.committedOn ?? null,
        notificationCount: expected.notifications.length,
        warningMarkerCodes: [...new Set(expected.warningMarkers.map((m) => m.code))].sort(),
        intelligenceItemCount: expected.intelligence.length,
      });
    });
  });

  it("exposes restricted intelligence with its handling code, for authorization to filter", async () => {
    const restricted = world.police.intelligence.find((item) => item.handlingCode === "C");
    if (!restricted) throw new Error("the world has no handling code C intelligence");
    const { subjectId } = subjectWhere((ids) => ids.has(restricted.recordId));
    const section = await sectionFor(subjectId);
    expect(section.intelligence).toContainEqual(
      expect.objectContaining({
        id: stableUuid(restricted.id, "intelligence"),
        handlingCode: "C",
        sanitisedText: restricted.sanitisedText,
      }),
    );
  });

  it("costs one statement for the links and at most one per table for 50 subjects", async () => {
    // Known subjects first, so every table is actually read, then some the police do not know.
    const known = [...nominalsBySubject.keys()].slice(0, 40);
    const unknown = world.records.socialCare
      .map((r) => r.recordId)
      .filter((id) => !nominalsBySubject.has(id))
      .slice(0, 10);
    const reps = [...known, ...unknown].map((id) => ({ __typename: "Subject", id }));
    expect(reps).toHaveLength(50);

    const { result, statements } = await harness.countStatements(ENTITIES, { reps });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities as unknown[]).toHaveLength(50);
    // Tables touched: subject_link, nominal, nominal_alias, warning_marker, police_notification,
    // incident_involvement + domestic_abuse_incident (read together by one join), offence,
    // intelligence_item: 9 tables, each read at most once (the join makes it 8 statements).
    expect(statements).toBeLessThanOrEqual(9);

    const few = await harness.countStatements(ENTITIES, { reps: reps.slice(0, 5) });
    expect(statements).toBe(few.statements);
  });
});

describe("incidents seen from a subject", () => {
  const incident = {
    id: "2b1d6a5e-0c7e-4a51-9d59-3c3a8e0f2d11",
    occurredAt: new Date("2026-03-01T10:00:00Z"),
    dashRisk: "high" as const,
    maracReferral: true,
    summary: "synthetic",
  };

  it("lists an incident once when two of the subject's nominals are involved", () => {
    const incidents = collectIncidents([
      { nominalId: "NOM0000001", role: "victim", incident },
      { nominalId: "NOM0000002", role: "perpetrator", incident },
    ]);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.role).toBe("perpetrator");
    expect(incidents[0]?.involvements).toEqual([
      { nominalId: "NOM0000001", role: "victim" },
      { nominalId: "NOM0000002", role: "perpetrator" },
    ]);
  });
});
