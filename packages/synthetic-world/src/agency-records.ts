/**
 * What each agency writes down about a person, and how it differs from the truth.
 *
 * About 70% of records are clean; the rest carry one or two kinds of noise, each listed on the record
 * (`noise`) so that tests can tell a matcher's misses on hard cases from plain misses. Noise kinds that
 * change the same thing (two different given names, two different dates of birth) are never combined.
 *
 * Identifiers are filled in last (`finalise`), because people gain them as the world's events happen
 * (a PNC ID on first arrest, a CRN on a first probation case) after their records were opened.
 */

import { addYears, dayFromIso, dayFromYmd, daysInMonth, isoDate, ymdOf } from "./dates.js";
import {
  asciiFold,
  familySpellings,
  familyTransliterations,
  givenSpellings,
  givenTransliterations,
  nicknames,
  typo,
} from "./names.js";
import type { PersonIdentifiers } from "./person-identifiers.js";
import type { Places } from "./places.js";
import { type Random, Scatter, WeightedTable } from "./random.js";
import type { AgencyName, AgencyPersonRecord, Gender, NoiseKind, TruePerson } from "./types.js";
import { type PersonSlot, slotOf } from "./world-state.js";

/** What a kind of noise changes; a record gets at most one kind per field. */
type Field = "given" | "family" | "dob" | "address";

interface Candidate {
  kind: NoiseKind;
  field: Field;
  weight: number;
}

const AGENCIES: readonly AgencyName[] = ["socialCare", "police", "health", "probation"];

/** Share of records with 0, 1 or 2 kinds of noise (before missing identifiers are added). */
const NOISE_COUNT = new WeightedTable<number>([
  [0, 71],
  [1, 22],
  [2, 7],
]);

function hyphenParts(familyName: string): string[] {
  if (!familyName.includes("-") || /^(Al|Ud)-/.test(familyName)) return [];
  return familyName.split("-");
}

export class RecordBook {
  readonly all: Record<AgencyName, AgencyPersonRecord[]> = {
    socialCare: [],
    police: [],
    health: [],
    probation: [],
  };
  /** The person behind each record, parallel to `all`. */
  private readonly owner: Record<AgencyName, TruePerson[]> = {
    socialCare: [],
    police: [],
    health: [],
    probation: [],
  };
  /** Police nominal and health patient numbers, unique without a set of issued ones. */
  private readonly nominalNumbers: Scatter;
  private readonly patientNumbers: Scatter;
  /** Records that must carry the NHS number (CP-IS flags are keyed by it). */
  private readonly nhsPinned = new Set<AgencyPersonRecord>();
  /** Duplicates opened because the existing record was not found: they lack the PNC link. */
  private readonly unlinked = new Set<AgencyPersonRecord>();

  constructor(
    private readonly random: Random,
    private readonly places: Places,
    private readonly identifiers: PersonIdentifiers,
    private readonly asOf: number,
    /** Each person's primary record per agency lives in their slot. */
    private readonly slots: readonly PersonSlot[],
  ) {
    this.nominalNumbers = new Scatter(random, 10_000_000);
    this.patientNumbers = new Scatter(random, 100_000_000);
  }

  get(person: TruePerson, agency: AgencyName): AgencyPersonRecord | undefined {
    return slotOf(this.slots, person)[agency];
  }

  has(person: TruePerson, agency: AgencyName): boolean {
    return slotOf(this.slots, person)[agency] !== undefined;
  }

  /** The agency's record of the person, opened (with its noise) on first use. */
  ensure(person: TruePerson, agency: AgencyName): AgencyPersonRecord {
    const slot = slotOf(this.slots, person);
    const existing = slot[agency];
    if (existing !== undefined) return existing;
    const record = this.open(person, agency, NOISE_COUNT.pick(this.random));
    slot[agency] = record;
    return record;
  }

  /**
   * A second record for someone the agency already holds: a duplicate nominal with its own error.
   * One kind only, since a missing PNC link will usually be the second.
   */
  duplicate(person: TruePerson, agency: AgencyName): AgencyPersonRecord {
    const record = this.open(person, agency, 1);
    this.unlinked.add(record);
    return record;
  }

  pinNhsNumber(record: AgencyPersonRecord): void {
    this.nhsPinned.add(record);
  }

  /** The person behind each of the agency's records, in the order of `all[agency]`. */
  owners(agency: AgencyName): readonly TruePerson[] {
    return this.owner[agency];
  }

  private newRecordId(person: TruePerson, agency: AgencyName): string {
    switch (agency) {
      case "socialCare":
        // 122 random bits: a collision among even millions of subjects is not a practical concern.
        return this.random.uuid();
      case "police":
        return `NOM${String(this.nominalNumbers.next()).padStart(7, "0")}`;
      case "health":
        return `PT${String(this.patientNumbers.next()).padStart(8, "0")}`;
      case "probation":
        // Probation's record id is the CRN, issued with the person's first case.
        if (person.crn !== undefined)
          throw new Error(`${person.id} already has a probation record`);
        person.crn = this.identifiers.crn();
        return person.crn;
    }
  }

  private open(person: TruePerson, agency: AgencyName, noiseCount: number): AgencyPersonRecord {
    const current = person.addressHistory[person.addressHistory.length - 1];
    if (current === undefined) throw new Error(`${person.id} has no address`);
    // Police and probation often drop middle names; health keeps what the Spine holds.
    const keepMiddle =
      agency === "health" ||
      (agency === "socialCare" ? this.random.chance(0.85) : this.random.chance(0.6));
    let gender: Gender = person.gender;
    if (agency === "police" && this.random.chance(0.01)) gender = "not_known";
    const record: AgencyPersonRecord = {
      agency,
      recordId: this.newRecordId(person, agency),
      truePersonId: person.id,
      givenName: person.givenName,
      middleNames: keepMiddle ? [...person.middleNames] : [],
      familyName: person.familyName,
      aliases: [],
      sex: person.sex,
      gender,
      dateOfBirth: person.dateOfBirth,
      address: current.address,
      noise: [],
    };
    if (noiseCount > 0) this.applyNoise(person, record, noiseCount);
    this.addAliases(person, record);
    this.all[agency].push(record);
    this.owner[agency].push(person);
    return record;
  }

  private candidates(person: TruePerson): Candidate[] {
    const list: Candidate[] = [];
    const given = person.givenName;
    const family = person.familyName;
    if (nicknames.of(given).length > 0) list.push({ kind: "nickname", field: "given", weight: 12 });
    if (givenSpellings.of(given).length > 0) {
      list.push({ kind: "spelling_variant", field: "given", weight: 10 });
    } else if (familySpellings.of(family).length > 0) {
      list.push({ kind: "spelling_variant", field: "family", weight: 8 });
    }
    if (givenTransliterations.of(given).length > 0 || asciiFold(given) !== given) {
      list.push({ kind: "transliteration", field: "given", weight: 12 });
    } else if (familyTransliterations.of(family).length > 0 || asciiFold(family) !== family) {
      list.push({ kind: "transliteration", field: "family", weight: 12 });
    }
    list.push({ kind: "typo_given_name", field: "given", weight: 8 });
    list.push({ kind: "typo_family_name", field: "family", weight: 8 });
    if (person.previousFamilyNames.length > 0) {
      list.push({ kind: "previous_family_name", field: "family", weight: 22 });
    }
    if (hyphenParts(family).length > 1) {
      list.push({ kind: "hyphenated_family_name_part", field: "family", weight: 30 });
    }
    const { year, month, day } = ymdOf(slotOf(this.slots, person).birthDay);
    if (day <= 12 && day !== month && dayFromYmd(year, day, month) < this.asOf)
      list.push({ kind: "dob_day_month_swapped", field: "dob", weight: 6 });
    list.push({ kind: "dob_year_slip", field: "dob", weight: 4 });
    list.push({ kind: "dob_day_slip", field: "dob", weight: 4 });
    if (person.addressHistory.length > 1)
      list.push({ kind: "old_address", field: "address", weight: 18 });
    list.push({ kind: "postcode_typo", field: "address", weight: 4 });
    return list;
  }

  private applyNoise(person: TruePerson, record: AgencyPersonRecord, count: number): void {
    let candidates = this.candidates(person);
    for (let n = 0; n < count && candidates.length > 0; n++) {
      const chosen = this.random.weighted(candidates.map((c) => [c, c.weight] as const));
      this.applyOne(person, record, chosen);
      candidates = candidates.filter((c) => c.field !== chosen.field);
    }
  }

  private applyOne(person: TruePerson, record: AgencyPersonRecord, candidate: Candidate): void {
    const { random } = this;
    switch (candidate.kind) {
      case "nickname":
        record.givenName = random.pick(nicknames.of(person.givenName));
        break;
      case "spelling_variant":
        if (candidate.field === "given")
          record.givenName = random.pick(givenSpellings.of(person.givenName));
        else record.familyName = random.pick(familySpellings.of(person.familyName));
        break;
      case "transliteration":
        if (candidate.field === "given")
          record.givenName = transliterate(random, person.givenName, "given");
        else record.familyName = transliterate(random, person.familyName, "family");
        break;
      case "typo_given_name":
        record.givenName = typo(random, person.givenName);
        break;
      case "typo_family_name":
        record.familyName = typo(random, person.familyName);
        break;
      case "previous_family_name":
        record.familyName = random.pick(person.previousFamilyNames);
        break;
      case "hyphenated_family_name_part":
        record.familyName = random.pick(hyphenParts(person.familyName));
        break;
      case "dob_day_month_swapped": {
        const { year, month, day } = ymdOf(dayFromIso(person.dateOfBirth));
        record.dateOfBirth = `${year}-${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}`;
        break;
      }
      case "dob_year_slip": {
        const birth = dayFromIso(person.dateOfBirth);
        const slipped = addYears(birth, random.chance(0.5) ? 1 : -1);
        record.dateOfBirth = isoDate(slipped >= this.asOf ? addYears(birth, -1) : slipped);
        break;
      }
      case "dob_day_slip": {
        const birth = dayFromIso(person.dateOfBirth);
        const { year, month, day } = ymdOf(birth);
        // A slip within the month: the day is misheard or mistyped, month and year are right.
        const last = daysInMonth(year, month);
        let slipped = day + (random.chance(0.5) ? 1 : -1);
        if (slipped < 1 || slipped > last) slipped = day === 1 ? 2 : day - 1;
        const result = birth + (slipped - day);
        record.dateOfBirth = isoDate(result >= this.asOf ? birth - 1 : result);
        break;
      }
      case "old_address": {
        const previous = person.addressHistory[person.addressHistory.length - 2];
        if (previous !== undefined) record.address = previous.address;
        break;
      }
      case "postcode_typo":
        record.address = {
          ...record.address,
          postcode: this.places.postcodeTypo(record.address.postcode),
        };
        break;
      case "missing_identifier":
        break;
    }
    record.noise.push(candidate.kind);
  }

  /** Aliases an agency knows about: they help a matcher, so they are not noise. */
  private addAliases(person: TruePerson, record: AgencyPersonRecord): void {
    const { random } = this;
    const previous = person.previousFamilyNames[person.previousFamilyNames.length - 1];
    if (
      previous !== undefined &&
      record.familyName !== previous &&
      random.chance(record.agency === "socialCare" ? 0.4 : 0.25)
    ) {
      record.aliases.push({ givenName: person.givenName, familyName: previous });
    }
    if (record.agency === "police" && random.chance(0.12)) {
      const alternatives = nicknames.of(person.givenName);
      const givenName =
        alternatives.length > 0 ? random.pick(alternatives) : typo(random, person.givenName);
      record.aliases.push({ givenName, familyName: person.familyName });
    }
  }

  /**
   * Copies identifiers onto records, as each agency holds them. Social care has an NHS number for
   * about 60% of subjects; police rarely hold one; health almost always does.
   */
  finalise(): void {
    const { random } = this;
    for (const agency of AGENCIES) {
      const records = this.all[agency];
      const owners = this.owner[agency];
      for (let i = 0; i < records.length; i++) {
        const record = records[i] as AgencyPersonRecord;
        const person = owners[i] as TruePerson;
        const canLose = record.noise.length < 2;
        let missing = false;
        switch (agency) {
          case "socialCare":
            if (random.chance(0.6)) record.nhsNumber = person.nhsNumber;
            if (person.upn !== undefined && random.chance(0.75)) record.upn = person.upn;
            break;
          case "police":
            if (person.pncId !== undefined) {
              if (this.unlinked.has(record) || (canLose && random.chance(0.04))) missing = true;
              else record.pncId = person.pncId;
            }
            if (
              person.croNumber !== undefined &&
              record.pncId !== undefined &&
              random.chance(0.9)
            ) {
              record.croNumber = person.croNumber;
            }
            if (random.chance(0.03)) record.nhsNumber = person.nhsNumber;
            break;
          case "health":
            if (!this.nhsPinned.has(record) && canLose && random.chance(0.015)) missing = true;
            else record.nhsNumber = person.nhsNumber;
            break;
          case "probation":
            record.crn = record.recordId;
            if (person.pncId !== undefined) {
              if (canLose && random.chance(0.03)) missing = true;
              else record.pncId = person.pncId;
            }
            if (person.croNumber !== undefined && random.chance(0.8))
              record.croNumber = person.croNumber;
            if (random.chance(0.1)) record.nhsNumber = person.nhsNumber;
            break;
        }
        if (missing && !record.noise.includes("missing_identifier"))
          record.noise.push("missing_identifier");
      }
    }
  }
}

function transliterate(random: Random, name: string, field: "given" | "family"): string {
  const folded = asciiFold(name);
  if (folded !== name) return folded;
  const options =
    field === "given" ? givenTransliterations.of(name) : familyTransliterations.of(name);
  return options.length > 0 ? random.pick(options) : name;
}
