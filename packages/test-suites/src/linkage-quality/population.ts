import type { AgencyIdentity } from "@mash/record-linkage/identity";
import type { TruePerson, World } from "@mash/synthetic-world/types";
import { generateWorld } from "@mash/synthetic-world/world";
import { type MatchingAgency, matchIdentityOf, strongIdentifierOf } from "../match-identities.js";
import {
  applyNoise,
  chooseNoise,
  type NoiseCategory,
  type PersonFacts,
  type RecordDraft,
} from "./noise.js";
import { SeededRandom } from "./seeded-random.js";

/**
 * A population to score record linkage on. The people, their households, twins, namesakes born the
 * same day and who is known to which agency come from the synthetic world; what each record says
 * about its person is written again here, from the person's truth, by this test's own noise model
 * (`noise.ts`), so the matcher is not scored against the generator's own idea of noise.
 */
export interface LinkagePopulation {
  people: number;
  /** The MASH subjects: social care's records, as the matcher sees them. */
  subjects: AgencyIdentity[];
  records: Record<MatchingAgency, LabelledRecord[]>;
  /** The subject each record truly belongs to, when its person is a subject. */
  truth: Map<string, string>;
}

export interface LabelledRecord {
  agency: MatchingAgency;
  identity: AgencyIdentity;
  /** The kinds of noise on the record (this test's, or the generator's as `generator:<kind>`). */
  noise: (NoiseCategory | `generator:${string}`)[];
  /** Hard cases of the population rather than of the record: the person has a twin, or a namesake. */
  population: ("twin" | "namesake")[];
}

export interface PopulationOptions {
  seed: number;
  /** MASH subjects; the world adds about two other people for each. */
  subjects: number;
  /**
   * The share of agency records with some noise (the rest are as the person is). The default,
   * 0.35, makes the engine this project used before linkage (threshold 33, no crosswise names)
   * score here about what it scored on the independent reference population of issue 12 (police
   * CERTAIN recall 0.83, partial records 0.44), so the two populations are about as hard.
   */
  noisyShare?: number;
}

const MATCHING_AGENCIES: readonly MatchingAgency[] = ["police", "health", "probation"];

function truthKey(agency: MatchingAgency, recordId: string): string {
  return `${agency}|${recordId}`;
}

function districtOf(postcode: string): string {
  return postcode.split(" ")[0] ?? postcode;
}

/** A name one letter from another: the last vowel changed, or a consonant doubled. */
function nearName(name: string): string {
  const vowels = [...name.matchAll(/[aeiou]/g)];
  const last = vowels[vowels.length - 1];
  if (last?.index !== undefined && last.index > 0) {
    const replacement = last[0] === "a" ? "e" : "a";
    return `${name.slice(0, last.index)}${replacement}${name.slice(last.index + 1)}`;
  }
  return `${name}${name.charAt(name.length - 1)}`;
}

function namesakeIds(world: World): Set<string> {
  const byKey = new Map<string, string[]>();
  for (const person of world.people) {
    const key = `${person.givenName}|${person.familyName}|${person.dateOfBirth}`;
    byKey.set(key, [...(byKey.get(key) ?? []), person.id]);
  }
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}

class PopulationWriter {
  private readonly people: Map<string, TruePerson>;
  private readonly givenNamesBySex: Record<string, string[]> = { female: [], male: [] };
  private readonly addresses: { line1: string; postcode: string }[] = [];
  private readonly addressesByDistrict = new Map<string, { line1: string; postcode: string }[]>();

  constructor(
    world: World,
    private readonly random: SeededRandom,
  ) {
    // A few people get a double-barrelled surname (the world has few), so that records holding
    // only one part of it are a hard case worth counting. Everyone in a household keeps one surname.
    const families = [...new Set(world.people.map((person) => person.familyName))];
    const doubled = new Map<string, string>();
    for (const person of world.people) {
      if (person.familyName.includes("-") || !this.random.chance(0.04)) continue;
      const key = `${person.householdId}|${person.familyName}`;
      if (!doubled.has(key)) doubled.set(key, `${person.familyName}-${this.random.pick(families)}`);
    }
    this.people = new Map(
      world.people.map((person) => {
        const familyName = doubled.get(`${person.householdId}|${person.familyName}`);
        return [person.id, familyName ? { ...person, familyName } : person];
      }),
    );
    // Twins with names one letter apart (AMELIA, AMELIE; LILY, LILLY): the hardest pairs to tell
    // apart, and the classic false link.
    for (const person of this.people.values()) {
      const twin = person.twinOfId ? this.people.get(person.twinOfId) : undefined;
      if (!twin || twin.id < person.id || twin.sex !== person.sex || !this.random.chance(0.4))
        continue;
      this.people.set(twin.id, { ...twin, givenName: nearName(person.givenName) });
    }
    for (const person of this.people.values()) {
      this.givenNamesBySex[person.sex]?.push(person.givenName);
      const current = person.addressHistory[person.addressHistory.length - 1];
      if (!current) continue;
      this.addresses.push(current.address);
      const district = districtOf(current.address.postcode);
      this.addressesByDistrict.set(district, [
        ...(this.addressesByDistrict.get(district) ?? []),
        current.address,
      ]);
    }
  }

  person(id: string): TruePerson {
    const person = this.people.get(id);
    if (!person) throw new Error(`no person ${id}`);
    return person;
  }

  facts(person: TruePerson): PersonFacts {
    const pool = this.givenNamesBySex[person.sex] ?? [];
    let otherGivenName = this.random.pick(pool);
    while (otherGivenName === person.givenName) otherGivenName = this.random.pick(pool);
    return {
      givenName: person.givenName,
      familyName: person.familyName,
      middleNames: person.middleNames,
      previousFamilyNames: person.previousFamilyNames,
      dateOfBirth: person.dateOfBirth,
      previousAddresses: person.addressHistory
        .slice(0, -1)
        .reverse()
        .map((spell) => spell.address),
      otherGivenName,
      elsewhere: this.moveFrom(person),
    };
  }

  /** An address the person might have lived at before: most moves are local, in the same district. */
  private moveFrom(person: TruePerson): { line1: string; postcode: string } {
    const current = person.addressHistory[person.addressHistory.length - 1];
    const nearby = current
      ? this.addressesByDistrict.get(districtOf(current.address.postcode))
      : [];
    if (nearby && nearby.length > 1 && this.random.chance(0.5)) {
      const address = this.random.pick(nearby);
      if (address.line1 !== current?.address.line1) return address;
    }
    return this.random.pick(this.addresses);
  }

  /** The person as a record holds them before any noise. */
  draft(person: TruePerson, keepMiddleNames: number, strongIdentifier: string | null): RecordDraft {
    const current = person.addressHistory[person.addressHistory.length - 1];
    return {
      givenName: person.givenName,
      middleNames: this.random.chance(keepMiddleNames) ? [...person.middleNames] : [],
      familyName: person.familyName,
      aliases: [],
      dateOfBirth: person.dateOfBirth,
      sex: person.sex,
      addressLine1: current?.address.line1 ?? null,
      postcode: current?.address.postcode ?? null,
      strongIdentifier,
    };
  }
}

const KEEP_MIDDLE_NAMES: Record<MatchingAgency | "socialCare", number> = {
  socialCare: 0.85,
  police: 0.6,
  health: 0.95,
  probation: 0.6,
};

function identity(recordId: string, draft: RecordDraft): AgencyIdentity {
  return { recordId, ...draft };
}

/** Builds the population: deterministic from the options. */
export function linkagePopulation(options: PopulationOptions): LinkagePopulation {
  const world = generateWorld({ seed: options.seed, subjects: options.subjects });
  const random = new SeededRandom(options.seed ^ 0x5eed);
  const writer = new PopulationWriter(world, random);
  const namesakes = namesakeIds(world);
  const subjectByPerson = new Map<string, RecordDraft & { recordId: string }>();
  for (const record of world.records.socialCare) {
    const person = writer.person(record.truePersonId);
    const draft = writer.draft(person, KEEP_MIDDLE_NAMES.socialCare, record.nhsNumber ?? null);
    subjectByPerson.set(person.id, { recordId: record.recordId, ...draft });
  }

  const truth = new Map<string, string>();
  const records = { police: [], health: [], probation: [] } as LinkagePopulation["records"];
  for (const agency of MATCHING_AGENCIES) {
    for (const record of world.records[agency]) {
      const person = writer.person(record.truePersonId);
      const facts = writer.facts(person);
      const draft = writer.draft(
        person,
        KEEP_MIDDLE_NAMES[agency],
        strongIdentifierOf(record, agency),
      );
      const noise = chooseNoise(random, facts, draft, options.noisyShare ?? 0.35);
      const subject = subjectByPerson.get(person.id);
      for (const category of noise) {
        const subjectAlias = applyNoise(random, category, facts, draft);
        if (subjectAlias && subject) subject.aliases.push(subjectAlias);
      }
      const population: LabelledRecord["population"] = [];
      if (person.twinOfId !== undefined) population.push("twin");
      if (namesakes.has(person.id)) population.push("namesake");
      records[agency].push({
        agency,
        identity: identity(record.recordId, draft),
        noise,
        population,
      });
      if (subject) truth.set(truthKey(agency, record.recordId), subject.recordId);
    }
  }
  const subjects = [...subjectByPerson.values()].map(({ recordId, ...draft }) =>
    identity(recordId, draft),
  );
  return { people: world.people.length, subjects, records, truth };
}

export { truthKey };

/**
 * The synthetic world's own records, with the generator's own noise, as a second population: the
 * matcher should do as well on the noise of the generator the project seeds from.
 */
export function generatorPopulation(world: World): LinkagePopulation {
  const namesakes = namesakeIds(world);
  const people = new Map(world.people.map((person) => [person.id, person]));
  const subjectByPerson = new Map(
    world.records.socialCare.map((record) => [record.truePersonId, record.recordId]),
  );
  const truth = new Map<string, string>();
  const records = { police: [], health: [], probation: [] } as LinkagePopulation["records"];
  for (const agency of MATCHING_AGENCIES) {
    for (const record of world.records[agency]) {
      const person = people.get(record.truePersonId);
      const population: LabelledRecord["population"] = [];
      if (person?.twinOfId !== undefined) population.push("twin");
      if (namesakes.has(record.truePersonId)) population.push("namesake");
      records[agency].push({
        agency,
        identity: matchIdentityOf(record, agency),
        noise: record.noise.map((kind) => `generator:${kind}` as const),
        population,
      });
      const subjectId = subjectByPerson.get(record.truePersonId);
      if (subjectId) truth.set(truthKey(agency, record.recordId), subjectId);
    }
  }
  // Social care's NHS number is the only key a subject carries (health's); the measure drops it
  // for the other agencies.
  const subjects = world.records.socialCare.map((record) => matchIdentityOf(record, "health"));
  return { people: world.people.length, subjects, records, truth };
}
