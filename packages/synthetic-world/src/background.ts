/**
 * The background: people each agency holds whom social care does not know - patients, nominals and
 * probation cases unrelated to any subject. They are what makes matching hard: a search by name and
 * date of birth has to find the subject among them, and some of them are planted to look like subjects
 * (same name and date of birth, different person).
 *
 * Targets, as shares of the subject count: police +50%, health +100%, probation +10%.
 */

import { ageAt, yearOf, years } from "./dates.js";
import {
  addCommunityContact,
  addMaternity,
  addUnscheduledCare,
  healthRecordId,
} from "./health-events.js";
import { buildCouple, buildFamily, buildSingleAdult } from "./households.js";
import { familyNameForSex, familyNameStem, pickGivenName } from "./names.js";
import {
  addDomesticIncident,
  addDuplicateNominal,
  addIntelligence,
  addNotification,
  addOffence,
  addWarningMarker,
  type RecordedOffence,
} from "./police-events.js";
import { addProbationCase, type ProbationProfile } from "./probation-events.js";
import type { AgencyName, ArrestOutcome, OffenceCategory, TruePerson } from "./types.js";
import { birthDay, slotOf, type WorldState } from "./world-state.js";

const BACKGROUND_SHARE: Record<Exclude<AgencyName, "socialCare">, number> = {
  police: 0.5,
  health: 1.0,
  probation: 0.1,
};

function someDay(state: WorldState, person: TruePerson): number {
  const { random, asOf } = state;
  const back = random.chance(0.85) ? random.int(10, years(5)) : random.int(years(5), years(10));
  return Math.max(asOf - back, birthDay(state, person) + 1);
}

/** A patient: registered, with the odd unscheduled attendance or health visiting contact. */
export function makePatient(state: WorldState, person: TruePerson): void {
  const { random, asOf } = state;
  healthRecordId(state, person);
  const age = ageAt(birthDay(state, person), asOf);
  const attendances = random.weighted<number>([
    [0, 40],
    [1, 35],
    [2, 15],
    [3, 10],
  ]);
  for (let i = 0; i < attendances; i++) {
    const reason =
      age >= 75 && random.chance(0.4)
        ? "fall_older_adult"
        : age < 16 && random.chance(0.4)
          ? "injury_child"
          : "minor_illness";
    addUnscheduledCare(state, person, someDay(state, person), reason);
  }
  if (age < 16 && random.chance(0.5)) addCommunityContact(state, person, someDay(state, person));
  if (person.sex === "female" && age >= 18 && age <= 42 && random.chance(0.06)) {
    addMaternity(state, person, asOf - random.int(30, years(4)), random.chance(0.8) ? 0 : 1);
  }
}

function offenceCategory(state: WorldState, profile: ProbationProfile): OffenceCategory {
  switch (profile) {
    case "domestic_abuse":
    case "violence":
      return state.random.pick<OffenceCategory>([
        "violence_against_the_person",
        "public_order",
        "robbery",
      ]);
    case "sexual":
      return "sexual_offences";
    case "drugs":
      return state.random.pick<OffenceCategory>(["drug_offences", "possession_of_weapons"]);
    case "acquisitive":
      return state.random.pick<OffenceCategory>(["theft", "fraud", "criminal_damage"]);
  }
}

/** Someone with a police record: offences (most with an arrest), sometimes intelligence and markers. */
export function makeNominal(state: WorldState, person: TruePerson, supervised: boolean): void {
  const { random } = state;
  const profile = random.weighted<ProbationProfile>([
    ["acquisitive", 40],
    ["violence", 25],
    ["drugs", 25],
    ["sexual", supervised ? 6 : 2],
  ]);
  const offences = random.int(1, 4);
  let day = someDay(state, person);
  let charged: RecordedOffence | undefined;
  for (let i = 0; i < offences && day < state.asOf - 60; i++) {
    const last = i === offences - 1;
    const outcome: ArrestOutcome | undefined =
      supervised && last
        ? "charged"
        : random.chance(0.85)
          ? random.pick<ArrestOutcome>([
              "charged",
              "cautioned",
              "no_further_action",
              "released_under_investigation",
              "community_resolution",
            ])
          : undefined;
    const offence = addOffence(state, person, {
      day,
      category: offenceCategory(state, profile),
      ...(outcome === undefined ? {} : { arrest: outcome }),
    });
    if (outcome === "charged") charged = offence;
    day = Math.min(day + random.int(30, 500), state.asOf - 2);
  }
  if (random.chance(0.2))
    addIntelligence(
      state,
      person,
      someDay(state, person),
      profile === "sexual" ? "sexual_risk" : random.pick(["drugs", "weapons"] as const),
    );
  if (random.chance(0.15))
    addWarningMarker(
      state,
      person,
      random.pick(["VI", "DR", "WE", "MH", "SH", "ES", "AT", "CO", "IM"] as const),
      someDay(state, person),
    );
  if (supervised && charged !== undefined) {
    addProbationCase(state, person, {
      start: charged.day + random.int(30, 200),
      profile,
      indexOffence: charged,
    });
  }
}

type Need = "probation" | "police" | "health";

function deficits(
  state: WorldState,
  base: Record<Need, number>,
  start: Record<Need, number>,
  targets: Record<Need, number>,
): Record<Need, number> {
  return {
    probation:
      targets.probation - (base.probation + state.records.all.probation.length - start.probation),
    police: targets.police - (base.police + state.records.all.police.length - start.police),
    health: targets.health - (base.health + state.records.all.health.length - start.health),
  };
}

/** Background people until each agency holds its target share of non-subjects. */
export function addBackground(state: WorldState, subjects: number): void {
  const { random } = state;
  const targets: Record<Need, number> = {
    police: Math.round(subjects * BACKGROUND_SHARE.police),
    health: Math.round(subjects * BACKGROUND_SHARE.health),
    probation: Math.round(subjects * BACKGROUND_SHARE.probation),
  };
  const base: Record<Need, number> = { police: 0, health: 0, probation: 0 };
  for (const agency of ["police", "health", "probation"] as const) {
    for (const person of state.records.owners(agency))
      if (!state.records.has(person, "socialCare")) base[agency]++;
  }
  const start: Record<Need, number> = {
    police: state.records.all.police.length,
    health: state.records.all.health.length,
    probation: state.records.all.probation.length,
  };

  for (;;) {
    const d = deficits(state, base, start, targets);
    if (d.police <= 0 && d.health <= 0 && d.probation <= 0) break;
    // Offenders first weigh the most: each one also fills a police (and sometimes a health) place.
    const need = random.weighted<Need>([
      ["probation", Math.max(0, d.probation) * 4],
      ["police", Math.max(0, d.police) * 1.5],
      ["health", Math.max(0, d.health)],
    ]);
    if (need === "probation") {
      if (random.chance(0.25)) backgroundDomesticAbuse(state, true);
      else {
        const person = buildSingleAdult(state, {
          sex: random.chance(0.88) ? "male" : "female",
          age: [18, 60],
        });
        makeNominal(state, person, true);
        if (random.chance(0.4)) makePatient(state, person);
      }
    } else if (need === "police") {
      if (random.chance(0.2)) backgroundDomesticAbuse(state, false);
      else {
        const person = buildSingleAdult(state, {
          sex: random.chance(0.8) ? "male" : "female",
          age: [16, 70],
        });
        makeNominal(state, person, false);
        if (random.chance(0.35)) makePatient(state, person);
      }
    } else {
      const kind = random.weighted<"family" | "single" | "couple" | "older">([
        ["family", 40],
        ["single", 35],
        ["couple", 15],
        ["older", 10],
      ]);
      if (kind === "family") {
        const cast = buildFamily(state);
        for (const person of [
          cast.mother,
          cast.father,
          cast.stepParent,
          ...cast.children,
          cast.grandparent,
        ]) {
          if (person !== undefined && random.chance(0.85)) makePatient(state, person);
        }
      } else if (kind === "single") {
        makePatient(state, buildSingleAdult(state));
      } else {
        const couple = buildCouple(state, kind === "older" ? [65, 92] : [20, 64]);
        makePatient(state, couple.a);
        if (random.chance(0.7)) makePatient(state, couple.b);
      }
    }
  }
}

/** A couple unknown to social care (no children): domestic abuse known to the police and health. */
function backgroundDomesticAbuse(state: WorldState, supervised: boolean): void {
  const { random } = state;
  const couple = buildCouple(state, [20, 55]);
  const victim = couple.a;
  const perpetrator = couple.b;
  let day = someDay(state, victim);
  let charged: RecordedOffence | undefined;
  const incidents = random.int(1, 3);
  for (let i = 0; i < incidents && day < state.asOf - 30; i++) {
    const risk = random.weighted([
      ["standard", 45],
      ["medium", 35],
      ["high", 20],
    ] as const);
    addDomesticIncident(state, { day, victim, perpetrator, childrenPresent: [], risk });
    if (risk !== "standard") addUnscheduledCare(state, victim, day, "injury_adult_assault");
    if (risk !== "standard" && (supervised || random.chance(0.5))) {
      const outcome: ArrestOutcome = supervised
        ? "charged"
        : random.pick(["charged", "released_under_investigation", "no_further_action"] as const);
      const offence = addOffence(state, perpetrator, {
        day,
        category: "violence_against_the_person",
        arrest: outcome,
      });
      if (outcome === "charged") charged = offence;
    }
    day = Math.min(day + random.int(30, 300), state.asOf - 2);
  }
  if (supervised && charged !== undefined) {
    addProbationCase(state, perpetrator, {
      start: charged.day + random.int(30, 150),
      profile: "domestic_abuse",
      indexOffence: charged,
      victim,
    });
  } else if (supervised) {
    makeNominal(state, perpetrator, true);
  }
}

/**
 * Doppelgangers: different people with the same name, sex and date of birth as a subject, living
 * elsewhere. About 1% of subjects get one; each is known to health and sometimes the police.
 */
export function addDoppelgangers(state: WorldState, subjects: number): void {
  const { random, asOf } = state;
  const subjectPeople = state.records.owners("socialCare");
  const count = Math.max(3, Math.round(subjects * 0.01));
  for (let i = 0; i < count; i++) {
    const original = random.pick(subjectPeople);
    const born = birthDay(state, original);
    const age = ageAt(born, asOf);
    let clone: TruePerson;
    if (age >= 18) {
      clone = buildSingleAdult(state, {
        sex: original.sex,
        birthDay: born,
        givenName: original.givenName,
        familyName: original.familyName,
      });
    } else {
      // A child of the same age in another family, renamed and re-dated to match.
      const cast = buildFamily(state, { eldestAge: [age, age], maxChildren: 2 });
      clone = cast.children[0] as TruePerson;
      clone.givenName = original.givenName;
      clone.familyName = original.familyName;
      clone.sex = original.sex;
      clone.gender = original.gender;
      // A twin keeps matching its twin: same birthday and surname, a different given name.
      for (const child of cast.children) {
        if (child !== clone && child.id !== clone.twinOfId) continue;
        child.dateOfBirth = original.dateOfBirth;
        slotOf(state.slots, child).birthDay = born;
        const first = child.addressHistory[0];
        if (first !== undefined && first.from < original.dateOfBirth)
          first.from = original.dateOfBirth;
        if (child !== clone) {
          child.familyName = familyNameForSex(familyNameStem(original.familyName), child.sex);
          while (child.givenName === clone.givenName) {
            child.givenName = pickGivenName(random, "english", child.sex, yearOf(born));
          }
        }
        child.previousFamilyNames = child.previousFamilyNames.filter((n) => n !== child.familyName);
      }
    }
    makePatient(state, clone);
    if (age >= 12 && random.chance(0.35)) {
      if (age >= 16) makeNominal(state, clone, false);
      else addNotification(state, clone, someDay(state, clone), "missing_person");
    }
  }
}

/**
 * Within-agency duplicates: about 1% of people the police know get a second nominal, opened when a
 * search missed the first (so it lacks the PNC link and carries its own errors).
 */
export function addPoliceDuplicates(state: WorldState): void {
  const { random, asOf } = state;
  const known = [...new Set(state.records.owners("police"))];
  const count = Math.max(3, Math.round(known.length * 0.01));
  for (const person of random.sample(known, count)) {
    const born = birthDay(state, person);
    addDuplicateNominal(
      state,
      person,
      Math.max(born + years(10), asOf - random.int(30, years(4))),
      ageAt(born, asOf) < 18,
    );
  }
}
