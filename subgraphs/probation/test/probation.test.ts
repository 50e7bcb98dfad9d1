import type { ProbationCase, RoshLevel, TruthLink, World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { linksMadeByLinkage } from "@mash/test-suites/links-made-by-linkage";
import { type SubgraphHarness, startSubgraphHarness } from "@mash/test-suites/subgraph-harness";
import { allSeeingAuthority } from "@mash/test-suites/test-authorities";
import { testDatabases } from "@mash/test-suites/test-databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probationSeeder } from "../dev/seed.js";
import type { ProbationContext } from "../src/context.js";
import * as tables from "../src/db/schema.js";
import { probationSubgraph } from "../src/subgraph.js";

const SEED = { seed: 11, subjects: 1000 };

const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { id probation {
  known
  summary {
    underSupervision currentSupervisionType currentCaseEndDate caseCount
    currentMappa { category level } currentRoshOverall currentRoshToChildren
    hasCurrentNoContactCondition licenceConditionCount
  }
  records { crn name { givenName familyName } dateOfBirth pncId address { postcode } link { source } }
  cases {
    crn supervisionType offenderManager startDate endDate indexOffence
    mappa { category level }
    riskOfSeriousHarm { overall children public knownAdult staff }
    licenceConditions { type description protectedPerson { name { givenName familyName } address { postcode } } }
  }
} } } }`;

interface Section {
  known: boolean;
  summary: Record<string, unknown>;
  records: { crn: string; link: { source: string } }[];
  cases: { crn: string; licenceConditions: { type: string }[] }[];
}

const upper = (value: string) => value.toUpperCase();

/** A case as the subgraph should return it: the world's values in their GraphQL forms. */
function expectedCase(row: ProbationCase) {
  return {
    crn: row.recordId,
    supervisionType: upper(row.supervisionType),
    offenderManager: row.offenderManager,
    startDate: row.startDate,
    endDate: row.endDate,
    indexOffence: row.indexOffence,
    mappa: row.mappa
      ? { category: `CATEGORY_${row.mappa.category}`, level: `LEVEL_${row.mappa.level}` }
      : null,
    riskOfSeriousHarm: {
      overall: upper(row.rosh.overall),
      children: upper(row.rosh.children),
      public: upper(row.rosh.public),
      knownAdult: upper(row.rosh.knownAdult),
      staff: upper(row.rosh.staff),
    },
    licenceConditions: row.licenceConditions.map((condition) => ({
      type: upper(condition.type),
      description: condition.description,
      protectedPerson: condition.protectedPerson
        ? {
            name: condition.protectedPerson.name,
            address: { postcode: condition.protectedPerson.address.postcode },
          }
        : null,
    })),
  };
}

const ROSH: readonly RoshLevel[] = ["low", "medium", "high", "very_high"];

/** The summary recomputed independently from the world's cases (newest-first order not needed). */
function expectedSummary(cases: ProbationCase[], today: string) {
  const current = cases.filter((row) => row.endDate > today);
  const last = [...current].sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0];
  const highest = (levels: RoshLevel[]) =>
    levels.length ? upper(ROSH[Math.max(...levels.map((l) => ROSH.indexOf(l)))] ?? "") : null;
  const mappa = current
    .flatMap((row) => (row.mappa ? [row.mappa] : []))
    .sort((a, b) => b.level - a.level || b.category - a.category)[0];
  return {
    underSupervision: current.length > 0,
    currentSupervisionType: last ? upper(last.supervisionType) : null,
    currentCaseEndDate: last?.endDate ?? null,
    caseCount: cases.length,
    currentMappa: mappa
      ? { category: `CATEGORY_${mappa.category}`, level: `LEVEL_${mappa.level}` }
      : null,
    currentRoshOverall: highest(current.map((row) => row.rosh.overall)),
    currentRoshToChildren: highest(current.map((row) => row.rosh.children)),
    hasCurrentNoContactCondition: current.some((row) =>
      row.licenceConditions.some((condition) => condition.type === "no_contact"),
    ),
    licenceConditionCount: cases.reduce((sum, row) => sum + row.licenceConditions.length, 0),
  };
}

describe.each(testDatabases())("probation subgraph on $name", (database) => {
  let harness: SubgraphHarness<typeof tables, ProbationContext>;
  let world: World;
  let links: TruthLink[];

  /** The ground truth: the CRNs linked to a subject and all their cases, newest first. */
  const crnsOf = (subjectId: string) =>
    links.filter((link) => link.subjectId === subjectId).map((link) => link.recordId);
  const casesOf = (crns: string[]) =>
    world.probation.cases
      .filter((row) => crns.includes(row.recordId))
      .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  const knownSubjects = () => [...new Set(links.map((link) => link.subjectId))];

  const sectionsFor = async (subjectIds: string[]) => {
    const result = await harness.execute(ENTITIES, {
      reps: subjectIds.map((id) => ({ __typename: "Subject", id })),
    });
    expect(result.errors).toBeUndefined();
    const entities = (result.data?._entities ?? []) as { id: string; probation: Section }[];
    return entities.map((entity) => entity.probation);
  };
  const sectionFor = async (subjectId: string) => (await sectionsFor([subjectId]))[0] as Section;

  beforeAll(async () => {
    world = generateWorld(SEED);
    harness = await startSubgraphHarness(
      probationSubgraph,
      database,
      { ...SEED, seeder: probationSeeder },
      allSeeingAuthority(
        world.records.socialCare.map((record) => record.recordId),
        "probation",
      ),
    );
    // Linkage made every link (the seed copies none from ground truth), each a true one.
    const db = harness.prepared.database.db;
    links = await linksMadeByLinkage(db, tables.subjectLink, world, "probation");
  });
  afterAll(() => harness?.close());

  it("returns the section of a subject known to probation as the world recorded it", async () => {
    // The richest subject: the most licence conditions, so that the lists are not trivially short.
    const subjectId = [...knownSubjects()].sort(
      (a, b) =>
        casesOf(crnsOf(b)).flatMap((c) => c.licenceConditions).length -
        casesOf(crnsOf(a)).flatMap((c) => c.licenceConditions).length,
    )[0];
    if (!subjectId) throw new Error("world has no subject known to probation");
    const crns = crnsOf(subjectId);
    const section = await sectionFor(subjectId);

    expect(section.known).toBe(true);
    const records = world.records.probation.filter((record) => crns.includes(record.recordId));
    expect(section.records).toEqual(
      records.map((record) => ({
        crn: record.recordId,
        name: { givenName: record.givenName, familyName: record.familyName },
        dateOfBirth: record.dateOfBirth,
        pncId: record.pncId ?? null,
        address: { postcode: record.address.postcode },
        link: { source: "AUTO_MATCH" },
      })),
    );
    expect(section.cases).toEqual(casesOf(crns).map(expectedCase));
  });

  it("says known: false with empty lists for a subject probation does not know", async () => {
    const linked = new Set(knownSubjects());
    const stranger = world.records.socialCare.find((record) => !linked.has(record.recordId));
    if (!stranger) throw new Error("every subject is known to probation");
    const section = await sectionFor(stranger.recordId);
    expect(section).toEqual({
      known: false,
      summary: expectedSummary([], "2000-01-01"),
      records: [],
      cases: [],
    });
  });

  it("rejects a malformed subject id with BAD_USER_INPUT", async () => {
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

  it("summarises every known subject consistently with the world and with the lists", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const subjectIds = knownSubjects();
    const sections = await sectionsFor(subjectIds);
    subjectIds.forEach((subjectId, i) => {
      const section = sections[i] as Section;
      expect(section.summary).toEqual(expectedSummary(casesOf(crnsOf(subjectId)), today));
      expect(section.summary.caseCount).toBe(section.cases.length);
      expect(section.summary.licenceConditionCount).toBe(
        section.cases.flatMap((row) => row.licenceConditions).length,
      );
    });
    expect(sections.length).toBeGreaterThan(0);
  });

  it("returns the restricted protected person with the condition that names them", async () => {
    const named = world.probation.cases.flatMap((row) =>
      row.licenceConditions.flatMap((condition) =>
        condition.protectedPerson ? [{ row, condition }] : [],
      ),
    );
    const found = named.find(({ row }) => links.some((link) => link.recordId === row.recordId));
    if (!found) throw new Error("world has no protected person on a linked subject's licence");
    const subjectId = links.find((link) => link.recordId === found.row.recordId)?.subjectId ?? "";
    const section = await sectionFor(subjectId);
    const conditions = section.cases.flatMap((row) => row.licenceConditions);
    expect(conditions).toContainEqual({
      type: upper(found.condition.type),
      description: found.condition.description,
      protectedPerson: {
        name: found.condition.protectedPerson?.name,
        address: { postcode: found.condition.protectedPerson?.address.postcode },
      },
    });
  });

  it("costs one statement per table for 50 subjects with everything probation holds", async () => {
    const known = knownSubjects();
    const others = world.records.socialCare
      .map((record) => record.recordId)
      .filter((id) => !known.includes(id));
    const subjectIds = [...known, ...others].slice(0, 50);
    expect(subjectIds).toHaveLength(50);
    const { result, statements } = await harness.countStatements(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Subject { probation {
        known summary { underSupervision currentMappa { level } licenceConditionCount }
        records { crn aliases { givenName } address { postcode } link { source linkedAt } }
        cases {
          id mappa { category } riskOfSeriousHarm { overall }
          licenceConditions { id protectedPerson { name { familyName } address { postcode } } }
        }
      } } } }`,
      { reps: subjectIds.map((id) => ({ __typename: "Subject", id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(50);
    // subject_link, offender, offender_alias, probation_case, licence_condition, protected_person:
    // six tables, each read at most once whatever the number of subjects.
    expect(statements).toBeLessThanOrEqual(6);
  });

  // Last: it adds a link, so the subject's section differs from the world afterwards.
  it("aggregates every record of a subject linked to two offender records", async () => {
    // nDelius allows one CRN per person, so the world has no duplicates; make one the way a wrong or
    // late merge would: link a subject to a second offender record with its own cases. The second
    // record is picked to be under current, MAPPA-managed supervision with a no-contact condition,
    // so that the summary's "current" branches are exercised whatever the truth links hold.
    const today = new Date().toISOString().slice(0, 10);
    const subjectId = knownSubjects().find((id) => casesOf(crnsOf(id)).length > 0);
    const linkedCrns = new Set(links.map((link) => link.recordId));
    const second = world.records.probation.find(
      (record) =>
        !linkedCrns.has(record.recordId) &&
        casesOf([record.recordId]).some(
          (row) =>
            row.endDate > today &&
            row.mappa !== undefined &&
            row.licenceConditions.some((condition) => condition.type === "no_contact"),
        ),
    );
    if (!subjectId || !second) throw new Error("world has no records to duplicate");
    await harness.prepared.database.db.insert(tables.subjectLink).values({
      subjectId,
      recordId: second.recordId,
      source: "auto_match",
      linkedBy: "probation.test",
    });

    const crns = [...crnsOf(subjectId), second.recordId];
    const section = await sectionFor(subjectId);
    expect(section.records.map((record) => record.crn).sort()).toEqual([...crns].sort());
    expect(section.records.find((r) => r.crn === second.recordId)?.link.source).toBe("AUTO_MATCH");
    expect(section.cases).toEqual(casesOf(crns).map(expectedCase));
    expect(section.summary).toEqual(expectedSummary(casesOf(crns), today));
    expect(section.summary).toMatchObject({
      underSupervision: true,
      currentMappa: expect.objectContaining({ category: expect.any(String) }),
      hasCurrentNoContactCondition: true,
      caseCount: casesOf(crns).length,
    });
  });
});
