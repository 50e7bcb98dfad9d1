import { isValidCrn } from "@mash/uk-identifiers/crn";
import { isValidCroNumber } from "@mash/uk-identifiers/cro-number";
import { isValidNhsNumber } from "@mash/uk-identifiers/nhs-number";
import { isValidPncId } from "@mash/uk-identifiers/pnc-id";
import { isValidUpn } from "@mash/uk-identifiers/upn";
import { beforeAll, describe, expect, it } from "vitest";
import { familyNameVariantGroups, givenNameVariantGroups } from "../src/names.js";
import { inwardLetters, mashOutwardCodes, neighbourOutwardCodes } from "../src/places.js";
import type { AgencyName, AgencyPersonRecord, TruePerson, World } from "../src/types.js";
import { generateWorld, truthLinks } from "../src/world.js";

const SUBJECTS = 3000;
const AS_OF = "2026-11-01";
const AGENCIES: readonly AgencyName[] = ["socialCare", "police", "health", "probation"];

let world: World;
let people: Map<string, TruePerson>;
let recordsById: Record<AgencyName, Map<string, AgencyPersonRecord>>;

function age(dateOfBirth: string, at: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ay, am, ad] = at.split("-").map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

function personOf(agency: AgencyName, recordId: string): TruePerson {
  const record = recordsById[agency].get(recordId);
  if (record === undefined) throw new Error(`no ${agency} record ${recordId}`);
  const person = people.get(record.truePersonId);
  if (person === undefined) throw new Error(`no person ${record.truePersonId}`);
  return person;
}

beforeAll(() => {
  world = generateWorld({ seed: 20261101, subjects: SUBJECTS });
  people = new Map(world.people.map((p) => [p.id, p]));
  recordsById = {
    socialCare: new Map(world.records.socialCare.map((r) => [r.recordId, r])),
    police: new Map(world.records.police.map((r) => [r.recordId, r])),
    health: new Map(world.records.health.map((r) => [r.recordId, r])),
    probation: new Map(world.records.probation.map((r) => [r.recordId, r])),
  };
});

describe("determinism", () => {
  it("gives a deep-equal world for the same seed, size and asOf", () => {
    const a = generateWorld({ seed: 99, subjects: 400, asOf: "2025-06-30" });
    const b = generateWorld({ seed: 99, subjects: 400, asOf: "2025-06-30" });
    expect(a).toEqual(b);
  });

  it("gives a different world for a different seed", () => {
    const a = generateWorld({ seed: 1, subjects: 200 });
    const b = generateWorld({ seed: 2, subjects: 200 });
    expect(a.people.map((p) => p.givenName)).not.toEqual(b.people.map((p) => p.givenName));
    expect(a.records.socialCare.map((r) => r.recordId)).not.toEqual(
      b.records.socialCare.map((r) => r.recordId),
    );
  });

  it("defaults asOf and keeps the options", () => {
    expect(world.options).toEqual({ seed: 20261101, subjects: SUBJECTS, asOf: AS_OF });
  });
});

describe("size", () => {
  it.each([1, 2, 7, 250])("has exactly %i subjects", (subjects) => {
    expect(generateWorld({ seed: subjects, subjects }).records.socialCare).toHaveLength(subjects);
  });

  it("has exactly the default test size of subjects", () => {
    expect(world.records.socialCare).toHaveLength(SUBJECTS);
  });
});

describe("identifiers and ids", () => {
  it("gives everyone a valid NHS number, and valid PNC, CRO, CRN and UPN where held", () => {
    for (const p of world.people) {
      expect(isValidNhsNumber(p.nhsNumber), p.nhsNumber).toBe(true);
      expect(p.nhsNumber.startsWith("999")).toBe(true);
      if (p.pncId !== undefined)
        expect(isValidPncId(p.pncId, { pivotYear: 26 }), p.pncId).toBe(true);
      if (p.croNumber !== undefined) expect(isValidCroNumber(p.croNumber), p.croNumber).toBe(true);
      if (p.crn !== undefined) expect(isValidCrn(p.crn), p.crn).toBe(true);
      if (p.upn !== undefined) expect(isValidUpn(p.upn), p.upn).toBe(true);
    }
  });

  it("puts only valid identifiers, matching the true person's, on agency records", () => {
    for (const agency of AGENCIES) {
      for (const r of world.records[agency]) {
        const p = people.get(r.truePersonId) as TruePerson;
        if (r.nhsNumber !== undefined) expect(r.nhsNumber).toBe(p.nhsNumber);
        if (r.pncId !== undefined) expect(r.pncId).toBe(p.pncId);
        if (r.croNumber !== undefined) expect(r.croNumber).toBe(p.croNumber);
        if (r.crn !== undefined) expect(r.crn).toBe(p.crn);
        if (r.upn !== undefined) expect(r.upn).toBe(p.upn);
      }
    }
  });

  it("issues identifiers only to the people who should have them", () => {
    const arrested = new Set(
      world.police.offences
        .filter((o) => o.arrest !== undefined)
        .map((o) => personOf("police", o.recordId).id),
    );
    const supervised = new Set(
      world.probation.cases.map((c) => personOf("probation", c.recordId).id),
    );
    for (const p of world.people) {
      expect(p.pncId !== undefined).toBe(arrested.has(p.id));
      if (p.croNumber !== undefined) expect(p.pncId).toBeDefined();
      expect(p.crn !== undefined).toBe(supervised.has(p.id));
      const years = age(p.dateOfBirth, AS_OF);
      expect(p.upn !== undefined).toBe(years >= 4 && years < 18);
    }
  });

  it("formats record ids per agency and keeps them unique", () => {
    const formats: Record<AgencyName, RegExp> = {
      socialCare: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      police: /^NOM\d{7}$/,
      health: /^PT\d{8}$/,
      probation: /^[A-Z]\d{6}$/,
    };
    for (const agency of AGENCIES) {
      for (const r of world.records[agency]) expect(r.recordId).toMatch(formats[agency]);
      expect(recordsById[agency].size).toBe(world.records[agency].length);
    }
    for (const r of world.records.probation) expect(r.crn).toBe(r.recordId);
  });

  it("keeps person, household and event ids unique", () => {
    const collections: { id: string }[][] = [
      world.people,
      world.households,
      world.socialCare.contacts,
      world.socialCare.childProtectionPlans,
      world.socialCare.childInNeedEpisodes,
      world.socialCare.lookedAfterEpisodes,
      world.socialCare.earlyHelpEpisodes,
      world.socialCare.adultSafeguardingConcerns,
      world.police.notifications,
      world.police.domesticAbuseIncidents,
      world.police.offences,
      world.police.intelligence,
      world.health.cpisFlags,
      world.health.unscheduledCare,
      world.health.communityContacts,
      world.health.maternity,
      world.health.camhs,
      world.probation.cases,
      world.probation.cases.flatMap((c) => c.licenceConditions),
    ];
    for (const items of collections) {
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
  });
});

describe("referential integrity", () => {
  it("points every event at an existing record of its own agency", () => {
    const check = (agency: AgencyName, items: { recordId: string }[]) => {
      for (const item of items)
        expect(recordsById[agency].has(item.recordId), item.recordId).toBe(true);
    };
    const sc = world.socialCare;
    for (const items of [
      sc.contacts,
      sc.childProtectionPlans,
      sc.childInNeedEpisodes,
      sc.lookedAfterEpisodes,
      sc.earlyHelpEpisodes,
      sc.adultSafeguardingConcerns,
      sc.allocations,
    ]) {
      check("socialCare", items);
    }
    const police = world.police;
    for (const items of [
      police.warningMarkers,
      police.notifications,
      police.offences,
      police.intelligence,
    ]) {
      check("police", items);
    }
    check(
      "police",
      police.domesticAbuseIncidents.flatMap((i) => i.involved),
    );
    const health = world.health;
    for (const items of [
      health.registrations,
      health.cpisFlags,
      health.unscheduledCare,
      health.communityContacts,
      health.maternity,
      health.camhs,
    ]) {
      check("health", items);
    }
    check("probation", world.probation.cases);
    for (const c of world.probation.cases) {
      for (const lc of c.licenceConditions) {
        if (lc.protectedPerson !== undefined)
          expect(people.has(lc.protectedPerson.truePersonId)).toBe(true);
      }
    }
  });

  it("registers every health record with a GP practice once", () => {
    expect(new Set(world.health.registrations.map((r) => r.recordId)).size).toBe(
      world.records.health.length,
    );
    for (const r of world.health.registrations) expect(r.practiceCode).toMatch(/^[A-Z]\d{5}$/);
  });

  it("keeps households, people and relationships consistent", () => {
    const members = new Set<string>();
    for (const h of world.households) {
      for (const id of h.memberIds) {
        expect(people.get(id)?.householdId).toBe(h.id);
        members.add(id);
      }
    }
    expect(members.size).toBe(world.people.length);
    const symmetric = new Set([
      "partner",
      "ex_partner",
      "sibling",
      "half_sibling",
      "other_relative",
    ]);
    const keys = new Set(world.relationships.map((r) => `${r.fromId}|${r.toId}|${r.type}`));
    for (const r of world.relationships) {
      expect(people.has(r.fromId) && people.has(r.toId)).toBe(true);
      if (symmetric.has(r.type)) expect(keys.has(`${r.toId}|${r.fromId}|${r.type}`)).toBe(true);
    }
  });

  it("links truth consistently with truePersonId", () => {
    const links = truthLinks(world);
    const subjectOf = new Map(world.records.socialCare.map((r) => [r.truePersonId, r.recordId]));
    let expected = 0;
    for (const agency of ["police", "health", "probation"] as const) {
      for (const r of world.records[agency]) if (subjectOf.has(r.truePersonId)) expected++;
    }
    expect(links).toHaveLength(expected);
    for (const link of links) {
      const record = recordsById[link.agency].get(link.recordId) as AgencyPersonRecord;
      expect(subjectOf.get(record.truePersonId)).toBe(link.subjectId);
      expect(recordsById.socialCare.get(link.subjectId)?.truePersonId).toBe(record.truePersonId);
    }
  });
});

describe("dates and internal consistency", () => {
  const isInOrder = (a: string, b: string) => expect(a < b, `${a} < ${b}`).toBe(true);
  const notAfter = (a: string, b: string) => expect(a <= b, `${a} <= ${b}`).toBe(true);

  it("dates every event before asOf, in order", () => {
    const sc = world.socialCare;
    for (const c of sc.contacts) {
      notAfter(c.receivedAt, c.decidedAt);
      isInOrder(c.decidedAt.slice(0, 10), AS_OF);
      if (c.consent !== "given") expect(c.consentReason).toBeDefined();
    }
    for (const e of [
      ...sc.childProtectionPlans,
      ...sc.childInNeedEpisodes,
      ...sc.lookedAfterEpisodes,
      ...sc.earlyHelpEpisodes,
    ]) {
      isInOrder(e.startDate, AS_OF);
      if (e.endDate !== undefined) {
        isInOrder(e.startDate, e.endDate);
        isInOrder(e.endDate, AS_OF);
      }
    }
    for (const a of sc.allocations) isInOrder(a.since, AS_OF);
    for (const c of sc.adultSafeguardingConcerns) isInOrder(c.raisedAt.slice(0, 10), AS_OF);
    for (const n of world.police.notifications) isInOrder(n.raisedAt.slice(0, 10), AS_OF);
    for (const i of world.police.domesticAbuseIncidents)
      isInOrder(i.occurredAt.slice(0, 10), AS_OF);
    for (const o of world.police.offences) {
      isInOrder(o.committedOn, AS_OF);
      if (o.arrest !== undefined) {
        notAfter(o.committedOn, o.arrest.arrestedOn);
        isInOrder(o.arrest.arrestedOn, AS_OF);
      }
      expect(age(personOf("police", o.recordId).dateOfBirth, o.committedOn)).toBeGreaterThanOrEqual(
        10,
      );
    }
    for (const i of world.police.intelligence) isInOrder(i.recordedOn, AS_OF);
    for (const m of world.police.warningMarkers) isInOrder(m.addedOn, AS_OF);
    for (const r of world.health.registrations) {
      isInOrder(r.registeredOn, AS_OF);
      notAfter(personOf("health", r.recordId).dateOfBirth, r.registeredOn);
    }
    for (const u of world.health.unscheduledCare) {
      isInOrder(u.attendedAt.slice(0, 10), AS_OF);
      notAfter(personOf("health", u.recordId).dateOfBirth, u.attendedAt.slice(0, 10));
    }
    for (const c of world.health.communityContacts) {
      isInOrder(c.contactDate, AS_OF);
      const years = age(personOf("health", c.recordId).dateOfBirth, c.contactDate);
      expect(years < 5).toBe(c.service === "health_visiting");
    }
    for (const m of world.health.maternity) {
      isInOrder(m.bookingDate, m.expectedDeliveryDate);
      isInOrder(m.bookingDate, AS_OF);
    }
    for (const c of world.health.camhs) {
      isInOrder(c.referredOn, AS_OF);
      expect(c.status === "open").toBe(c.closedOn === undefined);
      if (c.closedOn !== undefined) isInOrder(c.referredOn, c.closedOn);
    }
    for (const f of world.health.cpisFlags) {
      isInOrder(f.startDate, AS_OF);
      if (f.endDate !== undefined) notAfter(f.startDate, f.endDate);
    }
    for (const c of world.probation.cases) {
      isInOrder(c.startDate, AS_OF);
      isInOrder(c.startDate, c.endDate);
    }
  });

  it("puts most events within the last five years", () => {
    const recent = world.socialCare.contacts.filter((c) => c.receivedAt >= "2021-11-01").length;
    expect(recent / world.socialCare.contacts.length).toBeGreaterThan(0.75);
  });

  it("keeps children under 18: on plans, in need or looked after while open", () => {
    for (const plan of world.socialCare.childProtectionPlans) {
      const p = personOf("socialCare", plan.recordId);
      expect(age(p.dateOfBirth, AS_OF)).toBeLessThan(18);
      if (!plan.unborn) notAfter(p.dateOfBirth, plan.startDate);
    }
    for (const e of [
      ...world.socialCare.childInNeedEpisodes,
      ...world.socialCare.lookedAfterEpisodes,
    ]) {
      const p = personOf("socialCare", e.recordId);
      expect(age(p.dateOfBirth, e.startDate)).toBeLessThan(18);
      if (e.endDate === undefined) expect(age(p.dateOfBirth, AS_OF)).toBeLessThan(18);
    }
  });

  it("mirrors every child protection plan and looked-after episode in a CP-IS flag keyed by NHS number", () => {
    const flags = new Map<string, typeof world.health.cpisFlags>();
    for (const f of world.health.cpisFlags) {
      const p = personOf("health", f.recordId);
      expect(f.nhsNumber).toBe(p.nhsNumber);
      expect(recordsById.health.get(f.recordId)?.nhsNumber).toBe(f.nhsNumber);
      expect(f.localAuthority.officeHoursPhone).toMatch(/^(0113 496 0\d{3}|01632 960\d{3})$/);
      flags.set(p.id, [...(flags.get(p.id) ?? []), f]);
    }
    for (const plan of world.socialCare.childProtectionPlans) {
      const child = personOf("socialCare", plan.recordId);
      const own = flags.get(child.id) ?? [];
      if (plan.unborn) {
        expect(plan.startDate < child.dateOfBirth).toBe(true);
        expect(
          own.some(
            (f) =>
              f.planType === "child_protection_plan" &&
              f.startDate === child.dateOfBirth &&
              f.endDate === plan.endDate,
          ),
        ).toBe(true);
        const motherFlag = world.health.cpisFlags.find(
          (f) =>
            f.planType === "unborn_child_protection_plan" &&
            f.startDate === plan.startDate &&
            f.endDate === child.dateOfBirth,
        );
        expect(motherFlag).toBeDefined();
      } else {
        expect(
          own.some(
            (f) =>
              f.planType === "child_protection_plan" &&
              f.startDate === plan.startDate &&
              f.endDate === plan.endDate,
          ),
        ).toBe(true);
      }
    }
    for (const episode of world.socialCare.lookedAfterEpisodes) {
      const own = flags.get(personOf("socialCare", episode.recordId).id) ?? [];
      expect(
        own.some(
          (f) =>
            f.planType === "looked_after" &&
            f.startDate === episode.startDate &&
            f.endDate === episode.endDate,
        ),
      ).toBe(true);
    }
  });

  it("allocates open child protection, child-in-need and looked-after cases", () => {
    const allocated = new Set(world.socialCare.allocations.map((a) => a.recordId));
    const sc = world.socialCare;
    for (const e of [
      ...sc.childProtectionPlans,
      ...sc.childInNeedEpisodes,
      ...sc.lookedAfterEpisodes,
    ]) {
      if (e.endDate === undefined) expect(allocated.has(e.recordId)).toBe(true);
    }
  });

  it("opens probation cases only for people charged with an offence before the case", () => {
    const charged = new Map<string, string>();
    for (const o of world.police.offences) {
      if (o.arrest?.outcome !== "charged") continue;
      const id = personOf("police", o.recordId).id;
      const first = charged.get(id);
      if (first === undefined || o.committedOn < first) charged.set(id, o.committedOn);
    }
    for (const c of world.probation.cases) {
      const first = charged.get(personOf("probation", c.recordId).id);
      expect(first).toBeDefined();
      notAfter(first as string, c.startDate);
      const ranks = { low: 0, medium: 1, high: 2, very_high: 3 };
      const worst = Math.max(
        ranks[c.rosh.children],
        ranks[c.rosh.public],
        ranks[c.rosh.knownAdult],
        ranks[c.rosh.staff],
      );
      expect(ranks[c.rosh.overall]).toBe(worst);
      if (c.mappa?.category === 1) expect(c.indexOffence).toMatch(/sexual|indecent|rape/i);
    }
  });

  it("names the victim in no-contact conditions of domestic abuse cases", () => {
    const protectedConditions = world.probation.cases.flatMap((c) =>
      c.licenceConditions.filter(
        (lc) => lc.type === "no_contact" && lc.protectedPerson !== undefined,
      ),
    );
    expect(protectedConditions.length).toBeGreaterThan(0);
    const victims = new Set<string>();
    for (const i of world.police.domesticAbuseIncidents) {
      for (const inv of i.involved)
        if (inv.role === "victim") victims.add(personOf("police", inv.recordId).id);
    }
    for (const lc of protectedConditions)
      expect(victims.has(lc.protectedPerson?.truePersonId ?? "")).toBe(true);
  });

  it("grades domestic abuse risk plausibly: high goes to MARAC, standard does not", () => {
    for (const i of world.police.domesticAbuseIncidents) {
      if (i.dashRisk === "high") expect(i.maracReferral).toBe(true);
      if (i.dashRisk === "standard") expect(i.maracReferral).toBe(false);
      expect(i.involved.filter((x) => x.role === "victim")).toHaveLength(1);
      expect(i.involved.filter((x) => x.role === "perpetrator")).toHaveLength(1);
      for (const x of i.involved) {
        if (x.role === "child_present") {
          const child = personOf("police", x.recordId);
          notAfter(child.dateOfBirth, i.occurredAt.slice(0, 10));
        }
      }
    }
  });

  it("marks most intelligence P and a minority C", () => {
    const items = world.police.intelligence;
    const c = items.filter((i) => i.handlingCode === "C").length / items.length;
    expect(c).toBeGreaterThan(0.05);
    expect(c).toBeLessThan(0.3);
  });
});

describe("realistic places and names", () => {
  it("writes well-formed postcodes from the area and its neighbours", () => {
    const outward = new Set([...mashOutwardCodes, ...neighbourOutwardCodes]);
    const shape = new RegExp(`^([A-Z]{1,2}\\d{1,2}) \\d[${inwardLetters}]{2}$`);
    let inArea = 0;
    for (const p of world.people) {
      for (const spell of p.addressHistory) {
        const match = shape.exec(spell.address.postcode);
        expect(match, spell.address.postcode).not.toBeNull();
        expect(outward.has(match?.[1] ?? "")).toBe(true);
        expect(spell.address.uprn).toMatch(/^\d{12}$/);
      }
      const current = p.addressHistory[p.addressHistory.length - 1];
      if (
        current !== undefined &&
        mashOutwardCodes.includes(current.address.postcode.split(" ")[0] ?? "")
      )
        inArea++;
    }
    for (const agency of AGENCIES) {
      for (const r of world.records[agency]) expect(r.address.postcode).toMatch(shape);
    }
    expect(inArea / world.people.length).toBeGreaterThan(0.8);
  });

  it("draws on a diverse name population", () => {
    const given = new Set(world.people.map((p) => p.givenName));
    const family = new Set(world.people.map((p) => p.familyName));
    expect(given.size).toBeGreaterThan(300);
    const samples = [
      "Mohammed",
      "Fatima",
      "Chinedu",
      "Kwame",
      "Hodan",
      "Priya",
      "Wei",
      "Zofia",
      "Olivia",
      "Margaret",
    ];
    expect(samples.filter((n) => given.has(n)).length).toBeGreaterThanOrEqual(7);
    const surnames = ["Khan", "Singh", "Okafor", "Nowak", "Chen", "Campbell", "Smith", "Haddad"];
    expect(surnames.filter((n) => family.has(n)).length).toBeGreaterThanOrEqual(6);
    expect(world.people.some((p) => /^[A-Z][a-z']+-[A-Z][a-z']+$/.test(p.familyName))).toBe(true);
  });

  it("exports variant groups for the matching engine", () => {
    const has = (groups: readonly (readonly string[])[], ...names: string[]) =>
      groups.some((g) => names.every((n) => g.includes(n)));
    expect(has(givenNameVariantGroups, "William", "Bill")).toBe(true);
    expect(has(givenNameVariantGroups, "Mohammed", "Muhammad")).toBe(true);
    expect(has(givenNameVariantGroups, "Katherine", "Catherine")).toBe(true);
    expect(has(familyNameVariantGroups, "Chowdhury", "Choudhury")).toBe(true);
  });
});

describe("distribution", () => {
  it("spreads subjects over one to four agencies like life", () => {
    const agenciesOf = new Map<string, Set<AgencyName>>();
    for (const agency of AGENCIES) {
      for (const r of world.records[agency]) {
        const set = agenciesOf.get(r.truePersonId) ?? new Set<AgencyName>();
        set.add(agency);
        agenciesOf.set(r.truePersonId, set);
      }
    }
    const counts = [0, 0, 0, 0, 0];
    for (const r of world.records.socialCare) {
      const n = agenciesOf.get(r.truePersonId)?.size ?? 0;
      counts[n] = (counts[n] ?? 0) + 1;
    }
    const share = counts.map((c) => c / SUBJECTS);
    expect(share[0]).toBe(0);
    expect(share[1]).toBeGreaterThan(0.15);
    expect(share[1]).toBeLessThan(0.4);
    expect(share[2]).toBeGreaterThan(0.3);
    expect(share[2]).toBeLessThan(0.55);
    expect(share[3]).toBeGreaterThan(0.12);
    expect(share[3]).toBeLessThan(0.35);
    expect(share[4]).toBeGreaterThan(0.04);
    expect(share[4]).toBeLessThan(0.12);
    expect((share[1] ?? 0) + (share[2] ?? 0)).toBeGreaterThan(0.5);
  });

  it("adds background people social care does not know", () => {
    const subjects = new Set(world.records.socialCare.map((r) => r.truePersonId));
    const background = (agency: AgencyName) =>
      world.records[agency].filter((r) => !subjects.has(r.truePersonId)).length / SUBJECTS;
    expect(background("police")).toBeCloseTo(0.5, 1);
    expect(background("health")).toBeCloseTo(1.0, 1);
    expect(background("probation")).toBeCloseTo(0.1, 1);
  });

  it("leaves about 70% of records clean, the rest with one or two kinds of noise", () => {
    const all = AGENCIES.flatMap((a) => world.records[a]);
    const clean = all.filter((r) => r.noise.length === 0).length / all.length;
    expect(clean).toBeGreaterThan(0.62);
    expect(clean).toBeLessThan(0.78);
    for (const r of all) expect(r.noise.length).toBeLessThanOrEqual(2);
    const kinds = new Set(all.flatMap((r) => r.noise));
    expect(kinds.size).toBe(13);
  });

  it("holds NHS numbers as each agency would", () => {
    const share = (agency: AgencyName) =>
      world.records[agency].filter((r) => r.nhsNumber !== undefined).length /
      world.records[agency].length;
    expect(share("socialCare")).toBeGreaterThan(0.5);
    expect(share("socialCare")).toBeLessThan(0.7);
    expect(share("health")).toBeGreaterThan(0.97);
    expect(share("police")).toBeLessThan(0.1);
    for (const r of world.records.health) {
      if (r.nhsNumber === undefined) expect(r.noise).toContain("missing_identifier");
    }
  });
});

describe("planted hard cases", () => {
  it("has twins: same surname, date of birth and address, different given names", () => {
    const twins = world.people.filter((p) => p.twinOfId !== undefined);
    const siblings = new Set(
      world.relationships.filter((r) => r.type === "sibling").map((r) => `${r.fromId}|${r.toId}`),
    );
    expect(twins.length).toBeGreaterThanOrEqual(10);
    for (const a of twins) {
      const b = people.get(a.twinOfId as string) as TruePerson;
      expect(b.twinOfId).toBe(a.id);
      expect(b.dateOfBirth).toBe(a.dateOfBirth);
      expect(b.householdId).toBe(a.householdId);
      expect(b.givenName).not.toBe(a.givenName);
      expect(siblings.has(`${a.id}|${b.id}`)).toBe(true);
    }
    const subjectTwins = twins.filter((t) =>
      world.records.socialCare.some((r) => r.truePersonId === t.id),
    );
    expect(subjectTwins.length).toBeGreaterThan(0);
  });

  it("has doppelgangers: different people with a subject's name and date of birth elsewhere", () => {
    const subjects = new Set(world.records.socialCare.map((r) => r.truePersonId));
    const byKey = new Map<string, TruePerson[]>();
    for (const p of world.people) {
      const key = `${p.givenName}|${p.familyName}|${p.dateOfBirth}`;
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    const found = [...byKey.values()].filter(
      (group) =>
        group.length > 1 &&
        group.some((p) => subjects.has(p.id)) &&
        new Set(group.map((p) => p.householdId)).size > 1 &&
        group.some(
          (p) => !subjects.has(p.id) && world.records.health.some((r) => r.truePersonId === p.id),
        ),
    );
    expect(found.length).toBeGreaterThanOrEqual(Math.round(SUBJECTS * 0.005));
  });

  it("has surname changes recorded under a previous family name", () => {
    const records = AGENCIES.flatMap((a) => world.records[a]).filter((r) =>
      r.noise.includes("previous_family_name"),
    );
    expect(records.length).toBeGreaterThan(10);
    for (const r of records) {
      const p = people.get(r.truePersonId) as TruePerson;
      expect(p.previousFamilyNames).toContain(r.familyName);
      expect(r.familyName).not.toBe(p.familyName);
    }
    const children = world.people.filter(
      (p) => p.previousFamilyNames.length > 0 && age(p.dateOfBirth, AS_OF) < 18,
    );
    expect(children.length).toBeGreaterThan(0);
  });

  it("has children who moved, held at an old address by one agency", () => {
    const moved = AGENCIES.flatMap((a) => world.records[a]).filter((r) => {
      if (!r.noise.includes("old_address")) return false;
      const p = people.get(r.truePersonId) as TruePerson;
      return age(p.dateOfBirth, AS_OF) < 18;
    });
    expect(moved.length).toBeGreaterThan(10);
    for (const r of moved) {
      const p = people.get(r.truePersonId) as TruePerson;
      const current = p.addressHistory[p.addressHistory.length - 1];
      expect(r.address.uprn).not.toBe(current?.address.uprn);
      expect(p.addressHistory.slice(0, -1).some((s) => s.address.uprn === r.address.uprn)).toBe(
        true,
      );
    }
  });

  it("has nicknames, hyphenated surnames recorded in part, and date-of-birth slips", () => {
    const all = AGENCIES.flatMap((a) => world.records[a]);
    for (const r of all.filter((x) => x.noise.includes("hyphenated_family_name_part"))) {
      const p = people.get(r.truePersonId) as TruePerson;
      expect(p.familyName.split("-")).toContain(r.familyName);
    }
    for (const r of all.filter((x) => x.noise.includes("dob_day_month_swapped"))) {
      const p = people.get(r.truePersonId) as TruePerson;
      const [y, m, d] = p.dateOfBirth.split("-");
      expect(r.dateOfBirth).toBe(`${y}-${d}-${m}`);
    }
    for (const r of all.filter((x) => x.noise.includes("nickname"))) {
      const p = people.get(r.truePersonId) as TruePerson;
      expect(
        givenNameVariantGroups.some((g) => g.includes(p.givenName) && g.includes(r.givenName)),
      ).toBe(true);
    }
  });

  it("has within-agency duplicates: two police nominals for one person", () => {
    const byPerson = new Map<string, number>();
    for (const r of world.records.police)
      byPerson.set(r.truePersonId, (byPerson.get(r.truePersonId) ?? 0) + 1);
    const duplicated = [...byPerson.values()].filter((n) => n > 1).length;
    expect(duplicated).toBeGreaterThanOrEqual(Math.round(world.records.police.length * 0.005));
    for (const agency of ["socialCare", "probation"] as const) {
      const ids = world.records[agency].map((r) => r.truePersonId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("has unborn plans whose child has since been born", () => {
    const unborn = world.socialCare.childProtectionPlans.filter((p) => p.unborn);
    expect(unborn.length).toBeGreaterThan(5);
    for (const plan of unborn) {
      const child = personOf("socialCare", plan.recordId);
      expect(age(child.dateOfBirth, AS_OF)).toBeLessThan(1);
    }
  });
});
