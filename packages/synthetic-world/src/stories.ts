/**
 * Household stories: why a family or an adult became known to social care, and what every agency
 * recorded along the way. Agency involvement follows from the story (a domestic abuse household is
 * known to the police, health and often probation; a single no-further-action contact usually to no
 * one else), which gives a realistic spread of subjects known to one, two, three or all four agencies.
 *
 * Dates run forward from a story start, mostly within the last five years, and never reach asOf.
 */

import { addYears, ageAt, dayFromIso, isoDate, years } from "./dates.js";
import {
  addCamhs,
  addCommunityContact,
  addCpisFlag,
  addMaternity,
  addUnscheduledCare,
} from "./health-events.js";
import {
  buildCouple,
  buildFamily,
  buildSingleAdult,
  type FamilyCast,
  relate,
} from "./households.js";
import { currentAddress } from "./people.js";
import {
  addDomesticIncident,
  addIntelligence,
  addNotification,
  addOffence,
  addWarningMarker,
  type RecordedOffence,
} from "./police-events.js";
import { addProbationCase, type ProbationProfile } from "./probation-events.js";
import { WeightedTable } from "./random.js";
import {
  addAdultConcern,
  addChildInNeed,
  addChildProtectionPlan,
  addContact,
  addEarlyHelp,
  addLookedAfter,
  allocate,
} from "./social-care-events.js";
import type {
  Address,
  AdultConcernOutcome,
  ArrestOutcome,
  CinPrimaryNeed,
  ConcernCategory,
  ContactOutcome,
  CpCategory,
  DashRisk,
  LegalStatus,
  OffenceCategory,
  PlacementType,
  ReferrerType,
  TruePerson,
} from "./types.js";
import { birthDay, type WorldState } from "./world-state.js";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** Creates social care records (MASH subjects) for as many of `people` as the world still needs. */
export function claimSubjects(
  state: WorldState,
  people: readonly (TruePerson | undefined)[],
): TruePerson[] {
  const claimed: TruePerson[] = [];
  for (const person of people) {
    if (person === undefined || state.subjectsRemaining <= 0) continue;
    if (state.records.has(person, "socialCare")) continue;
    state.records.ensure(person, "socialCare");
    state.subjectsRemaining--;
    claimed.push(person);
  }
  return claimed;
}

/** Mostly within the last five years, sometimes up to nine. */
function storyStart(state: WorldState, notBefore = -Infinity): number {
  const { random, asOf } = state;
  const back = random.chance(0.85) ? random.int(45, years(5)) : random.int(years(5), years(9));
  return Math.min(asOf - 30, Math.max(asOf - back, notBefore));
}

function later(state: WorldState, day: number, minGap: number, maxGap: number): number {
  return Math.min(day + state.random.int(minGap, maxGap), state.asOf - 2);
}

/** An end date `min`-`max` days after start, or none if the episode is still open at asOf. */
function endOrOpen(
  state: WorldState,
  start: number,
  min: number,
  max: number,
  openChance: number,
): number | undefined {
  if (state.random.chance(openChance)) return undefined;
  const end = start + state.random.int(min, max);
  return end < state.asOf - 1 ? end : undefined;
}

function bornBy(state: WorldState, person: TruePerson, day: number): boolean {
  return birthDay(state, person) <= day;
}

function ageOn(state: WorldState, person: TruePerson, day: number): number {
  return ageAt(birthDay(state, person), day);
}

function arrestOutcome(state: WorldState, chargedWeight: number): ArrestOutcome {
  return state.random.weighted<ArrestOutcome>([
    ["charged", chargedWeight],
    ["released_under_investigation", 20],
    ["no_further_action", 20],
    ["bailed", 10],
    ["cautioned", 8],
    ["community_resolution", 5],
  ]);
}

/** CP plans and their CP-IS flags: health holds a flag for every plan, keyed by NHS number. */
function childProtection(
  state: WorldState,
  children: readonly TruePerson[],
  start: number,
  category: CpCategory,
  end: number | undefined,
): void {
  for (const child of children) {
    if (!bornBy(state, child, start)) continue;
    addChildProtectionPlan(state, child, {
      start,
      category,
      ...(end === undefined ? {} : { end }),
    });
    addCpisFlag(state, child, {
      planType: "child_protection_plan",
      start,
      ...(end === undefined ? {} : { end }),
    });
    if (end === undefined) allocate(state, child, start);
  }
}

function childInNeed(
  state: WorldState,
  children: readonly TruePerson[],
  start: number,
  need: CinPrimaryNeed,
  end: number | undefined,
): void {
  for (const child of children) {
    if (!bornBy(state, child, start)) continue;
    addChildInNeed(state, child, { start, need, ...(end === undefined ? {} : { end }) });
    if (end === undefined) allocate(state, child, start);
  }
}

function contactsFor(
  state: WorldState,
  children: readonly TruePerson[],
  day: number,
  referrer: ReferrerType,
  concern: ConcernCategory,
  outcome: ContactOutcome,
): void {
  for (const child of children) {
    if (bornBy(state, child, day)) addContact(state, child, { day, referrer, concern, outcome });
  }
}

function healthVisiting(state: WorldState, children: readonly TruePerson[], from: number): void {
  const { random, asOf } = state;
  for (const child of children) {
    const born = birthDay(state, child);
    if (ageAt(born, asOf) >= 5 && random.chance(0.5)) continue;
    const visits = random.int(1, 3);
    for (let i = 0; i < visits; i++) {
      const day = Math.max(born + 10, from) + random.int(0, years(2));
      if (day < asOf - 1) addCommunityContact(state, child, day);
    }
  }
}

function parentsOf(cast: FamilyCast): TruePerson[] {
  return [cast.mother, cast.father, cast.stepParent].filter(
    (p): p is TruePerson => p !== undefined,
  );
}

function mainCarer(cast: FamilyCast): TruePerson {
  const carer = cast.mother ?? cast.father ?? cast.stepParent;
  if (carer === undefined) throw new Error(`household ${cast.householdId} has no resident parent`);
  return carer;
}

// ---------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------

function domesticAbuse(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state, {
    structure: random.weighted([
      ["two_parents", 40],
      ["lone_mother", 35],
      ["mother_stepfather", 25],
    ] as const),
    needsPartner: true,
  });
  const mother = mainCarer(cast);
  const partner = cast.stepParent ?? cast.father ?? cast.absentParent;
  if (partner === undefined) return;
  const reversed = random.chance(0.08);
  const victim = reversed ? partner : mother;
  const perpetrator = reversed ? mother : partner;
  const residentPerpetrator = perpetrator.householdId === cast.householdId;
  // Decided up front: a perpetrator who will be convicted and supervised is also more often a subject.
  const supervised = random.chance(0.4);

  const subjects = claimSubjects(state, [
    ...cast.children,
    random.chance(0.6) ? victim : undefined,
    random.chance(supervised ? 0.65 : residentPerpetrator ? 0.4 : 0.2) ? perpetrator : undefined,
  ]);
  const childSubjects = subjects.filter((p) => cast.children.includes(p));

  const incidents = random.weighted<number>([
    [1, 28],
    [2, 28],
    [3, 20],
    [4, 14],
    [5, 10],
  ]);
  let day = storyStart(state, birthDay(state, cast.children[0] as TruePerson));
  let worst: DashRisk = "standard";
  let lastSerious = day;
  let charged: RecordedOffence | undefined;
  for (let i = 0; i < incidents && day < state.asOf - 3; i++) {
    // Abuse tends to escalate: later incidents are more often assessed higher.
    const risk = random.weighted<DashRisk>([
      ["standard", Math.max(10, 50 - i * 12)],
      ["medium", 30],
      ["high", 15 + i * 8],
    ]);
    if (risk === "high" || (risk === "medium" && worst === "standard")) worst = risk;
    const present = cast.children.filter((c) => bornBy(state, c, day) && random.chance(0.85));
    addDomesticIncident(state, { day, victim, perpetrator, childrenPresent: present, risk });
    if (risk !== "standard") lastSerious = day;
    if (risk === "high" || (risk === "medium" && random.chance(0.3))) {
      addUnscheduledCare(state, victim, day + random.int(0, 1), "injury_adult_assault");
    }
    if (risk !== "standard" && (random.chance(0.6) || (supervised && charged === undefined))) {
      const outcome =
        supervised && charged === undefined
          ? "charged"
          : arrestOutcome(state, risk === "high" ? 45 : 25);
      const offence = addOffence(state, perpetrator, {
        day,
        category: "violence_against_the_person",
        arrest: outcome,
      });
      if (outcome === "charged" && charged === undefined) charged = offence;
      if (random.chance(0.5)) addWarningMarker(state, perpetrator, "VI", day + 1);
    }
    // Social care hears of each incident through the police notification.
    const outcome =
      risk === "high"
        ? "strategy_discussion"
        : i === 0
          ? random.pick([
              "information_and_advice",
              "early_help",
              "child_in_need_assessment",
            ] as const)
          : "child_in_need_assessment";
    contactsFor(state, childSubjects, day + random.int(0, 2), "police", "domestic_abuse", outcome);
    day = later(state, day, 25, 260);
  }
  if (random.chance(0.15))
    addIntelligence(state, perpetrator, lastSerious + random.int(5, 90), "domestic");

  // The social care response follows the worst incident.
  const responseStart = later(state, lastSerious, 10, 45);
  if (worst === "high" || incidents >= 4) {
    const category = random.weighted<CpCategory>([
      ["emotional_abuse", 70],
      ["multiple", 15],
      ["physical_abuse", 15],
    ]);
    childProtection(
      state,
      childSubjects,
      responseStart,
      category,
      endOrOpen(state, responseStart, 180, 540, 0.45),
    );
  } else if (worst === "medium") {
    const need = random.pick<CinPrimaryNeed>(["N1", "N5"]);
    childInNeed(
      state,
      childSubjects,
      responseStart,
      need,
      endOrOpen(state, responseStart, 120, 400, 0.4),
    );
  } else if (random.chance(0.5)) {
    for (const child of childSubjects) {
      addEarlyHelp(state, child, {
        start: responseStart,
        ...opt(endOrOpen(state, responseStart, 90, 300, 0.35)),
      });
    }
  }
  if (subjects.includes(victim) && random.chance(0.35)) {
    addAdultConcern(state, victim, {
      day: lastSerious + random.int(1, 10),
      category: "domestic",
      s42: worst === "high" && random.chance(0.5),
      outcome: random.pick<AdultConcernOutcome>(["risk_reduced", "risk_remains", "risk_removed"]),
    });
  }

  if (charged !== undefined && (supervised || random.chance(0.2))) {
    addProbationCase(state, perpetrator, {
      start: later(state, charged.day, 30, 150),
      profile: "domestic_abuse",
      indexOffence: charged,
      victim,
      childrenAtRisk: true,
      ...(worst === "high"
        ? { supervisionType: random.chance(0.6) ? "licence" : "suspended_sentence_order" }
        : {}),
    });
    if (random.chance(0.75))
      addUnscheduledCare(
        state,
        perpetrator,
        later(state, charged.day, -300, 300),
        random.pick(["intoxication", "injury_adult_assault", "minor_illness"] as const),
      );
  }
  healthVisiting(state, cast.children, storyStart(state));
  for (const child of cast.children) {
    if (ageOn(state, child, state.asOf) >= 9 && random.chance(0.2)) {
      addCamhs(
        state,
        child,
        later(state, lastSerious, 30, 200),
        endOrOpen(state, lastSerious + 200, 90, 300, 0.5),
      );
    }
  }
}

function opt(end: number | undefined): { end?: number } {
  return end === undefined ? {} : { end };
}

function neglect(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state);
  const carer = mainCarer(cast);
  const subjects = claimSubjects(state, [...cast.children, random.chance(0.5) ? carer : undefined]);
  const children = subjects.filter((p) => cast.children.includes(p));
  const substance = random.chance(0.3);
  const concern: ConcernCategory = substance ? "parental_substance_misuse" : "neglect";

  let day = storyStart(state, birthDay(state, cast.children[0] as TruePerson));
  const path = random.weighted<"early_help" | "cin" | "cp">([
    ["early_help", 35],
    ["cin", 35],
    ["cp", 30],
  ]);
  const contacts = random.int(1, 3);
  for (let i = 0; i < contacts; i++) {
    const referrer = random.pick<ReferrerType>([
      "school",
      "health_visitor",
      "gp",
      "early_years",
      "member_of_public",
      "housing",
    ]);
    const last = i === contacts - 1;
    const outcome = !last
      ? random.pick(["information_and_advice", "no_further_action", "early_help"] as const)
      : path === "early_help"
        ? "early_help"
        : path === "cin"
          ? "child_in_need_assessment"
          : "strategy_discussion";
    contactsFor(state, children, day, referrer, concern, outcome);
    if (!last) day = later(state, day, 60, 300);
  }
  const start = later(state, day, 14, 50);
  if (path === "early_help") {
    for (const child of children)
      addEarlyHelp(state, child, { start, ...opt(endOrOpen(state, start, 90, 365, 0.4)) });
  } else if (path === "cin") {
    childInNeed(
      state,
      children,
      start,
      random.pick<CinPrimaryNeed>(["N1", "N4", "N7"]),
      endOrOpen(state, start, 120, 500, 0.45),
    );
  } else {
    childProtection(state, children, start, "neglect", endOrOpen(state, start, 180, 600, 0.45));
  }

  healthVisiting(state, cast.children, day - years(1));
  for (const child of cast.children) {
    if (random.chance(0.3))
      addUnscheduledCare(
        state,
        child,
        later(state, day, -200, 200),
        random.chance(0.5) ? "injury_child" : "minor_illness",
      );
  }
  if (random.chance(0.25)) {
    for (const child of cast.children)
      if (bornBy(state, child, day))
        addNotification(state, child, day - random.int(0, 30), "child_at_risk");
  }
  if (substance && random.chance(0.5)) {
    const offenceDay = later(state, day, -300, 100);
    const outcome = random.pick<ArrestOutcome>([
      "cautioned",
      "community_resolution",
      "charged",
      "no_further_action",
    ]);
    const offence = addOffence(state, carer, {
      day: offenceDay,
      category: "drug_offences",
      arrest: outcome,
    });
    addWarningMarker(state, carer, "DR", offenceDay + 1);
    addUnscheduledCare(state, carer, later(state, offenceDay, 10, 300), "intoxication");
    if (outcome === "charged" && random.chance(0.4)) {
      addProbationCase(state, carer, {
        start: later(state, offenceDay, 40, 150),
        profile: "drugs",
        indexOffence: offence,
        childrenAtRisk: true,
      });
    }
  }
}

function physicalOrSexualAbuse(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state, { eldestAge: [2, 17] });
  const adults = parentsOf(cast);
  const abuser = random.pick(adults.length > 0 ? adults : [mainCarer(cast)]);
  const victimChild = random.pick(cast.children);
  const sexual = random.chance(0.2);
  const subjects = claimSubjects(state, [
    victimChild,
    ...cast.children,
    random.chance(0.5) ? mainCarer(cast) : undefined,
  ]);
  const children = subjects.filter((p) => cast.children.includes(p));

  const day = storyStart(state, addYears(birthDay(state, victimChild), 1));
  const referrer = random.pick<ReferrerType>(
    sexual ? ["school", "police", "family_member"] : ["school", "hospital", "early_years", "gp"],
  );
  addUnscheduledCare(
    state,
    victimChild,
    day - random.int(0, 1),
    sexual ? "minor_illness" : "injury_child",
  );
  addContact(state, victimChild, {
    day,
    referrer,
    concern: sexual ? "sexual_abuse" : "physical_abuse",
    outcome: "strategy_discussion",
  });
  for (const sibling of children) {
    if (sibling !== victimChild && bornBy(state, sibling, day)) {
      addContact(state, sibling, {
        day,
        referrer,
        concern: sexual ? "sexual_abuse" : "physical_abuse",
        outcome: "strategy_discussion",
      });
    }
  }
  addNotification(state, victimChild, day, "child_at_risk");
  const outcome = arrestOutcome(state, 30);
  const offence = addOffence(state, abuser, {
    day: day - random.int(0, 3),
    category: sexual ? "sexual_offences" : "violence_against_the_person",
    arrest: outcome,
  });
  const start = later(state, day, 10, 40);
  if (random.chance(0.65)) {
    childProtection(
      state,
      children,
      start,
      sexual ? "sexual_abuse" : random.pick<CpCategory>(["physical_abuse", "multiple"]),
      endOrOpen(state, start, 200, 700, 0.5),
    );
  } else {
    childInNeed(state, children, start, "N1", endOrOpen(state, start, 150, 500, 0.4));
  }
  if (outcome === "charged" && random.chance(0.55)) {
    addProbationCase(state, abuser, {
      start: later(state, day, 90, 300),
      profile: sexual ? "sexual" : "violence",
      indexOffence: offence,
      childrenAtRisk: true,
    });
    if (sexual) addWarningMarker(state, abuser, "SU", day);
  }
  healthVisiting(state, cast.children, day - years(1));
  if (ageOn(state, victimChild, state.asOf) >= 8 && random.chance(0.4)) {
    addCamhs(
      state,
      victimChild,
      later(state, day, 30, 150),
      endOrOpen(state, day + 150, 90, 400, 0.5),
    );
  }
}

function exploitation(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state, { eldestAge: [13, 17] });
  const teen = cast.children[0] as TruePerson;
  claimSubjects(state, [teen, ...cast.children, random.chance(0.4) ? mainCarer(cast) : undefined]);
  const sexual = random.chance(0.35);
  const start = storyStart(state, addYears(birthDay(state, teen), 12));

  let day = start;
  const episodes = random.int(2, 6);
  for (let i = 0; i < episodes; i++) {
    addNotification(state, teen, day, "missing_person");
    addContact(state, teen, {
      day: day + random.int(0, 2),
      referrer: "police",
      concern:
        i === 0
          ? "missing_from_home"
          : sexual
            ? "child_sexual_exploitation"
            : "child_criminal_exploitation",
      outcome:
        i === 0
          ? "information_and_advice"
          : i === 1
            ? "strategy_discussion"
            : "forwarded_to_allocated_worker",
    });
    if (random.chance(0.35))
      addNotification(state, teen, day + random.int(1, 10), "child_exploitation");
    day = later(state, day, 14, 120);
  }
  const intel = random.int(1, 4);
  for (let i = 0; i < intel; i++) {
    addIntelligence(
      state,
      teen,
      later(state, start, 0, years(1)),
      random.pick(["exploitation", "drugs", "weapons"] as const),
    );
  }
  if (!sexual && random.chance(0.6)) {
    const offenceDay = later(state, start, 30, 400);
    const weapons = random.chance(0.35);
    addOffence(state, teen, {
      day: offenceDay,
      category: weapons ? "possession_of_weapons" : "drug_offences",
      arrest: random.pick<ArrestOutcome>([
        "charged",
        "released_under_investigation",
        "no_further_action",
        "community_resolution",
      ]),
    });
    addWarningMarker(state, teen, weapons ? "WE" : "DR", offenceDay + 1);
  }
  const response = later(state, start, 20, 90);
  const path = random.weighted<"cin" | "cp" | "lac">([
    ["cin", 50],
    ["cp", 20],
    ["lac", 30],
  ]);
  if (path === "cin")
    childInNeed(state, [teen], response, "N1", endOrOpen(state, response, 120, 500, 0.5));
  else if (path === "cp")
    childProtection(
      state,
      [teen],
      response,
      random.pick<CpCategory>(["physical_abuse", "emotional_abuse", "multiple"]),
      endOrOpen(state, response, 180, 500, 0.5),
    );
  else placeInCare(state, cast, teen, response, true);

  addUnscheduledCare(
    state,
    teen,
    later(state, start, 10, 500),
    random.pick(["injury_adult_assault", "intoxication", "self_harm"] as const),
  );
  if (random.chance(0.35))
    addCamhs(
      state,
      teen,
      later(state, start, 30, 300),
      endOrOpen(state, start + 300, 60, 300, 0.5),
    );
  if (random.chance(0.5)) addCommunityContact(state, teen, later(state, start, 0, 400));

  // The adult exploiting them: known to the police, sometimes to probation.
  if (random.chance(0.4)) {
    const exploiter = buildSingleAdult(state, {
      sex: random.chance(0.85) ? "male" : "female",
      age: [19, 32],
    });
    for (let i = 0; i < random.int(1, 3); i++) {
      addIntelligence(
        state,
        exploiter,
        later(state, start, 0, 600),
        sexual ? "sexual_risk" : "exploitation",
      );
    }
    const offenceDay = later(state, start, 60, 500);
    const outcome = arrestOutcome(state, 40);
    const offence = addOffence(state, exploiter, {
      day: offenceDay,
      category: sexual ? "sexual_offences" : "drug_offences",
      arrest: outcome,
    });
    if (outcome === "charged" && random.chance(0.6)) {
      addProbationCase(state, exploiter, {
        start: later(state, offenceDay, 60, 300),
        profile: sexual ? "sexual" : "drugs",
        indexOffence: offence,
        supervisionType: "licence",
      });
    }
  }
}

/** A looked-after episode: a placement away from home (its address is restricted). */
function placeInCare(
  state: WorldState,
  cast: FamilyCast,
  child: TruePerson,
  start: number,
  teenager: boolean,
): void {
  const { random } = state;
  const age = ageOn(state, child, start);
  const placementType = random.weighted<PlacementType>([
    ["foster", teenager ? 40 : 62],
    ["kinship", teenager ? 8 : 18],
    ["residential", teenager ? 35 : 4],
    ["placed_with_parents", 8],
    ["independent_living", age >= 16 ? 12 : 0],
  ]);
  const legalStatus = random.weighted<LegalStatus>([
    ["C2", 40],
    ["V2", teenager ? 35 : 22],
    ["C1", 15],
    ["E1", teenager ? 0 : 8],
    ["L1", 3],
    ["L2", 2],
  ]);
  const end = endOrOpen(state, start, 60, 900, 0.65);
  const home = currentAddress(child).address;
  const placementAddress =
    placementType === "placed_with_parents"
      ? home
      : state.places.newAddress(random.chance(0.75) ? "mash" : "neighbour");
  addLookedAfter(state, child, {
    start,
    ...opt(end),
    legalStatus,
    placementType,
    placementAddress,
  });
  addCpisFlag(state, child, { planType: "looked_after", start, ...opt(end) });
  if (end === undefined) {
    allocate(state, child, start);
    if (placementType !== "placed_with_parents")
      movePlacedChild(state, cast, child, start, placementAddress);
  }
}

/**
 * A child in an open placement lives at the placement; the household stays the family's. Agencies
 * that opened a record before the move may still hold the family home, which is then an old address.
 */
function movePlacedChild(
  state: WorldState,
  cast: FamilyCast,
  child: TruePerson,
  start: number,
  placement: Address,
): void {
  const history = child.addressHistory;
  const last = history[history.length - 1];
  if (last === undefined) return;
  const from = Math.max(start, dayFromIso(last.from) + 1);
  last.to = isoDate(from - 1);
  history.push({ address: placement, from: isoDate(from) });
  for (const relationship of cast.relationships) {
    if (relationship.fromId === child.id || relationship.toId === child.id)
      relationship.livesTogether = false;
  }
  // Records opened before the move still hold the family home: now an old address.
  for (const agency of ["socialCare", "police", "health", "probation"] as const) {
    const record = state.records.get(child, agency);
    if (record === undefined) continue;
    if (record.address === last.address && record.noise.length < 2) {
      record.noise.push("old_address");
    } else if (!record.noise.includes("old_address")) {
      record.address = placement;
      record.noise = record.noise.filter((n) => n !== "postcode_typo");
    }
  }
}

function lookedAfter(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state);
  const subjects = claimSubjects(state, [
    ...cast.children,
    random.chance(0.5) ? mainCarer(cast) : undefined,
  ]);
  const children = subjects.filter((p) => cast.children.includes(p));
  const youngest = cast.children[cast.children.length - 1] as TruePerson;
  let day = storyStart(state, birthDay(state, youngest) + 30);
  contactsFor(
    state,
    children,
    day,
    random.pick<ReferrerType>(["school", "health_visitor", "police", "hospital"]),
    random.pick<ConcernCategory>(["neglect", "parental_substance_misuse", "physical_abuse"]),
    "strategy_discussion",
  );
  if (random.chance(0.6)) {
    const planStart = later(state, day, 14, 40);
    const careStart = later(state, planStart, 120, 500);
    // Too close to asOf for a plan to have run before the child came into care.
    if (careStart > planStart)
      childProtection(
        state,
        children,
        planStart,
        random.pick<CpCategory>(["neglect", "multiple"]),
        careStart,
      );
    day = careStart;
  } else {
    day = later(state, day, 1, 30);
  }
  const placed = random.chance(0.6) ? children : children.slice(0, 1);
  for (const child of placed) {
    if (bornBy(state, child, day))
      placeInCare(state, cast, child, day, ageOn(state, child, day) >= 12);
  }
  healthVisiting(state, cast.children, day - years(1));
  for (const child of placed) {
    if (ageOn(state, child, state.asOf) >= 11 && random.chance(0.4)) {
      addNotification(state, child, later(state, day, 30, 400), "missing_person");
    }
    if (ageOn(state, child, state.asOf) >= 6 && random.chance(0.3)) {
      addCamhs(state, child, later(state, day, 30, 300), endOrOpen(state, day + 300, 60, 300, 0.5));
    }
  }
}

function parentalMentalHealth(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state);
  const parent = mainCarer(cast);
  const subjects = claimSubjects(state, [
    ...cast.children,
    random.chance(0.6) ? parent : undefined,
  ]);
  const children = subjects.filter((p) => cast.children.includes(p));
  const day = storyStart(state, birthDay(state, cast.children[0] as TruePerson));
  const crises = random.int(1, 3);
  for (let i = 0; i < crises; i++) {
    addUnscheduledCare(
      state,
      parent,
      later(state, day, -200, 400),
      random.pick(["mental_health_crisis", "overdose", "self_harm"] as const),
    );
  }
  const path = random.weighted<"cin" | "eh" | "nfa">([
    ["cin", 50],
    ["eh", 30],
    ["nfa", 20],
  ]);
  contactsFor(
    state,
    children,
    day,
    random.pick<ReferrerType>(["gp", "hospital", "police", "school"]),
    "parental_mental_health",
    path === "cin"
      ? "child_in_need_assessment"
      : path === "eh"
        ? "early_help"
        : "information_and_advice",
  );
  const start = later(state, day, 14, 45);
  if (path === "cin")
    childInNeed(state, children, start, "N3", endOrOpen(state, start, 120, 450, 0.45));
  else if (path === "eh")
    for (const child of children)
      addEarlyHelp(state, child, { start, ...opt(endOrOpen(state, start, 90, 300, 0.4)) });
  if (random.chance(0.3))
    addNotification(state, parent, later(state, day, -100, 100), "vulnerable_adult");
  if (random.chance(0.25))
    addWarningMarker(
      state,
      parent,
      random.pick(["MH", "SH", "SU"] as const),
      later(state, day, -100, 100),
    );
  for (const child of cast.children) {
    if (ageOn(state, child, state.asOf) >= 8 && random.chance(0.4)) {
      addCamhs(state, child, later(state, day, 30, 400), endOrOpen(state, day + 400, 60, 300, 0.5));
    }
  }
  healthVisiting(state, cast.children, day - years(1));
}

function unbornPlan(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state, {
    structure: random.weighted([
      ["lone_mother", 45],
      ["two_parents", 35],
      ["mother_stepfather", 20],
    ] as const),
    babyBornWithinDays: 330,
  });
  const mother = mainCarer(cast);
  const baby = cast.children[cast.children.length - 1] as TruePerson;
  const born = birthDay(state, baby);
  const subjects = claimSubjects(state, [
    baby,
    ...cast.children,
    random.chance(0.7) ? mother : undefined,
  ]);
  const siblings = subjects.filter((p) => p !== baby && cast.children.includes(p));
  const concern = random.pick<ConcernCategory>([
    "neglect",
    "domestic_abuse",
    "parental_substance_misuse",
    "parental_mental_health",
  ]);
  addMaternity(state, mother, born, random.int(1, 3));

  // Pre-birth: referral from maternity, strategy discussion, plan made before the birth.
  const referral = born - random.int(70, 150);
  addContact(state, baby, {
    day: referral,
    referrer: "hospital",
    concern,
    outcome: "strategy_discussion",
  });
  const planStart = referral + random.int(14, 40);
  const end = endOrOpen(state, Math.max(planStart, born) + 60, 0, 300, 0.8);
  addChildProtectionPlan(state, baby, {
    start: planStart,
    category: concern === "domestic_abuse" ? "emotional_abuse" : "neglect",
    unborn: true,
    ...opt(end),
  });
  // CP-IS: the unborn flag sits on the mother's NHS number until the birth, then on the baby's.
  addCpisFlag(state, mother, {
    planType: "unborn_child_protection_plan",
    start: planStart,
    end: born,
  });
  addCpisFlag(state, baby, { planType: "child_protection_plan", start: born, ...opt(end) });
  if (end === undefined) allocate(state, baby, planStart);
  if (siblings.length > 0 && random.chance(0.5)) {
    childProtection(state, siblings, planStart, "neglect", end);
  }
  healthVisiting(state, [baby], born);
  if (concern === "domestic_abuse") {
    const partner = cast.stepParent ?? cast.father ?? cast.absentParent;
    if (partner !== undefined) {
      addDomesticIncident(state, {
        day: referral - random.int(5, 60),
        victim: mother,
        perpetrator: partner,
        childrenPresent: siblings.filter((c) => bornBy(state, c, referral - 60)),
        risk: random.pick<DashRisk>(["medium", "high"]),
      });
    }
  }
  if (concern === "parental_substance_misuse" && random.chance(0.4)) {
    addOffence(state, mother, {
      day: referral - random.int(30, 400),
      category: "drug_offences",
      arrest: "cautioned",
    });
  }
}

function earlyHelpOnly(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state);
  const subjects = claimSubjects(state, [
    ...cast.children,
    random.chance(0.3) ? mainCarer(cast) : undefined,
  ]);
  const children = subjects.filter((p) => cast.children.includes(p));
  const day = storyStart(state, birthDay(state, cast.children[0] as TruePerson));
  contactsFor(
    state,
    children,
    day,
    random.pick<ReferrerType>(["school", "health_visitor", "early_years", "self", "family_member"]),
    random.pick<ConcernCategory>(["neglect", "emotional_abuse", "parental_mental_health"]),
    "early_help",
  );
  const start = later(state, day, 7, 30);
  for (const child of children) {
    if (bornBy(state, child, start))
      addEarlyHelp(state, child, { start, ...opt(endOrOpen(state, start, 90, 365, 0.4)) });
  }
  if (random.chance(0.6)) healthVisiting(state, cast.children, day - years(1));
  if (random.chance(0.1)) {
    const child = cast.children[0] as TruePerson;
    if (bornBy(state, child, day))
      addNotification(state, child, day - random.int(0, 60), "child_at_risk");
  }
}

function singleContact(state: WorldState): void {
  const { random } = state;
  if (random.chance(0.75)) {
    const cast = buildFamily(state);
    const child = random.pick(cast.children);
    claimSubjects(state, [child]);
    const day = storyStart(state, birthDay(state, child) + 60);
    addContact(state, child, {
      day,
      referrer: random.pick<ReferrerType>([
        "member_of_public",
        "anonymous",
        "school",
        "family_member",
        "housing",
      ]),
      concern: random.pick<ConcernCategory>([
        "neglect",
        "emotional_abuse",
        "physical_abuse",
        "missing_from_home",
      ]),
      outcome: random.pick(["no_further_action", "information_and_advice"] as const),
    });
    if (random.chance(0.35))
      addUnscheduledCare(state, child, later(state, day, -300, 300), "minor_illness");
    if (random.chance(0.1)) addNotification(state, child, day - random.int(0, 10), "child_at_risk");
  } else {
    const adult = buildSingleAdult(state, { age: [18, 85] });
    claimSubjects(state, [adult]);
    const day = storyStart(state);
    addAdultConcern(state, adult, {
      day,
      category: random.pick(["neglect", "psychological", "financial", "self_neglect"] as const),
      s42: false,
      outcome: "no_further_action",
    });
    if (random.chance(0.35))
      addUnscheduledCare(state, adult, later(state, day, -300, 300), "minor_illness");
  }
}

function adultSelfNeglect(state: WorldState): void {
  const { random } = state;
  let adults: TruePerson[];
  if (random.chance(0.75)) {
    adults = [buildSingleAdult(state, { age: [60, 95] })];
  } else {
    const couple = buildCouple(state, [65, 90]);
    adults = [couple.a, couple.b];
  }
  const subject = random.pick(adults);
  claimSubjects(state, [subject, ...adults.filter((a) => a !== subject && random.chance(0.3))]);
  const day = storyStart(state);
  const concerns = random.int(1, 3);
  let concernDay = day;
  let ongoing = false;
  for (let i = 0; i < concerns; i++) {
    const outcome = random.pick<AdultConcernOutcome>([
      "risk_reduced",
      "risk_remains",
      "ongoing",
      "no_further_action",
    ]);
    ongoing = outcome === "ongoing";
    addAdultConcern(state, subject, {
      day: concernDay,
      category: random.chance(0.8) ? "self_neglect" : "neglect",
      s42: random.chance(0.4),
      outcome,
    });
    concernDay = later(state, concernDay, 60, 400);
  }
  if (ongoing) allocate(state, subject, day, true);
  for (let i = 0; i < random.int(1, 3); i++) {
    addUnscheduledCare(
      state,
      subject,
      later(state, day, -200, 500),
      random.chance(0.7) ? "fall_older_adult" : "minor_illness",
    );
  }
  if (random.chance(0.3))
    addNotification(state, subject, later(state, day, -30, 200), "vulnerable_adult");
}

function adultAbuse(state: WorldState): void {
  const { random } = state;
  const older = buildSingleAdult(state, { age: [68, 95] });
  const relative = buildSingleAdult(state, {
    sex: random.chance(0.6) ? "male" : "female",
    birthDay: birthDay(state, older) + years(random.int(20, 38)),
    familyName: older.familyName,
  });
  relate(state, older, relative, "parent", false);
  claimSubjects(state, [older, random.chance(0.2) ? relative : undefined]);
  const day = storyStart(state);
  const financial = random.chance(0.7);
  addAdultConcern(state, older, {
    day,
    category: financial ? "financial" : "psychological",
    s42: random.chance(0.6),
    outcome: random.pick<AdultConcernOutcome>([
      "risk_reduced",
      "risk_removed",
      "risk_remains",
      "ongoing",
    ]),
  });
  addUnscheduledCare(
    state,
    older,
    later(state, day, -200, 300),
    random.chance(0.5) ? "fall_older_adult" : "minor_illness",
  );
  if (random.chance(0.35)) {
    const outcome = arrestOutcome(state, 30);
    const offence = addOffence(state, relative, {
      day: later(state, day, 5, 60),
      category: financial ? "fraud" : "violence_against_the_person",
      arrest: outcome,
    });
    if (outcome === "charged" && random.chance(0.4)) {
      addProbationCase(state, relative, {
        start: later(state, day, 90, 300),
        profile: financial ? "acquisitive" : "violence",
        indexOffence: offence,
      });
    }
  }
}

/** A young adult who left care at 18 and is now offending: often known to all four agencies. */
function careLeaver(state: WorldState): void {
  const { random } = state;
  const person = buildSingleAdult(state, { age: [18, 23] });
  claimSubjects(state, [person]);
  const born = birthDay(state, person);
  const careStart = addYears(born, random.int(11, 16)) + random.int(0, 300);
  const careEnd = addYears(born, 18);
  const placement = state.places.newAddress(random.chance(0.7) ? "mash" : "neighbour");
  addLookedAfter(state, person, {
    start: careStart,
    end: careEnd,
    legalStatus: random.pick<LegalStatus>(["C2", "V2"]),
    placementType: random.pick<PlacementType>(["foster", "residential", "independent_living"]),
    placementAddress: placement,
  });
  addCpisFlag(state, person, { planType: "looked_after", start: careStart, end: careEnd });
  allocate(state, person, careEnd, false);
  const offences = random.int(1, 4);
  let day = Math.max(addYears(born, 15), state.asOf - years(4));
  let indexOffence: RecordedOffence | undefined;
  let profile: ProbationProfile = "acquisitive";
  for (let i = 0; i < offences && day < state.asOf - 30; i++) {
    const category = random.pick<OffenceCategory>([
      "theft",
      "drug_offences",
      "violence_against_the_person",
      "criminal_damage",
      "robbery",
    ]);
    const outcome = i === offences - 1 ? "charged" : arrestOutcome(state, 30);
    const offence = addOffence(state, person, { day, category, arrest: outcome });
    if (outcome === "charged") {
      indexOffence = offence;
      profile =
        category === "drug_offences"
          ? "drugs"
          : category === "violence_against_the_person" || category === "robbery"
            ? "violence"
            : "acquisitive";
    }
    day = later(state, day, 60, 300);
  }
  if (indexOffence !== undefined) {
    addProbationCase(state, person, { start: later(state, day, 20, 120), profile, indexOffence });
  }
  if (random.chance(0.4))
    addIntelligence(
      state,
      person,
      later(state, careEnd, -200, 300),
      random.pick(["drugs", "exploitation", "weapons"] as const),
    );
  addUnscheduledCare(
    state,
    person,
    later(state, careEnd, -300, 400),
    random.pick(["intoxication", "self_harm", "injury_adult_assault"] as const),
  );
  if (random.chance(0.4))
    addCamhs(state, person, careStart + random.int(30, 400), careEnd - random.int(0, 200));
  if (random.chance(0.3))
    addWarningMarker(
      state,
      person,
      random.pick(["SH", "DR", "VI"] as const),
      later(state, day, -100, 0),
    );
}

/** A parent under probation supervision; social care supports the children (often while in custody). */
function parentOnProbation(state: WorldState): void {
  const { random } = state;
  const cast = buildFamily(state, { needsPartner: true });
  const candidates = [cast.father, cast.stepParent, cast.absentParent].filter(
    (p): p is TruePerson => p !== undefined,
  );
  const offender =
    candidates.length > 0 && random.chance(0.85) ? random.pick(candidates) : mainCarer(cast);
  const carer = offender === cast.mother ? (cast.father ?? cast.stepParent) : cast.mother;
  const subjects = claimSubjects(state, [
    ...cast.children,
    random.chance(0.85) ? offender : undefined,
    random.chance(0.35) ? carer : undefined,
  ]);
  const children = subjects.filter((p) => cast.children.includes(p));
  const profile = random.weighted<ProbationProfile>([
    ["drugs", 35],
    ["violence", 30],
    ["acquisitive", 30],
    ["sexual", 5],
  ]);
  const categories: Record<ProbationProfile, readonly OffenceCategory[]> = {
    drugs: ["drug_offences", "possession_of_weapons"],
    violence: ["violence_against_the_person", "robbery", "public_order"],
    acquisitive: ["theft", "fraud", "criminal_damage"],
    sexual: ["sexual_offences"],
    domestic_abuse: ["violence_against_the_person"],
  };
  let day = storyStart(state, birthDay(state, cast.children[0] as TruePerson) - years(3));
  const offences = random.int(1, 3);
  let indexOffence: RecordedOffence | undefined;
  let sentenced = day;
  for (let i = 0; i < offences; i++) {
    const last = i === offences - 1;
    const offence = addOffence(state, offender, {
      day,
      category: random.pick(categories[profile]),
      arrest: last ? "charged" : arrestOutcome(state, 25),
    });
    if (last) {
      indexOffence = offence;
      sentenced = later(state, day, 30, 150);
    } else {
      day = later(state, day, 60, 500);
    }
  }
  if (random.chance(0.35))
    addWarningMarker(
      state,
      offender,
      profile === "drugs" ? "DR" : profile === "violence" ? "VI" : "IM",
      day,
    );
  const custody = random.chance(0.4);
  if (indexOffence === undefined) return;
  addProbationCase(state, offender, {
    start: custody ? later(state, sentenced, 120, 600) : sentenced,
    profile,
    indexOffence,
    childrenAtRisk: profile === "sexual" || profile === "violence",
    supervisionType: custody
      ? "licence"
      : random.pick(["community_order", "suspended_sentence_order"] as const),
  });
  if (random.chance(0.85)) {
    addUnscheduledCare(
      state,
      offender,
      later(state, day, -400, 400),
      random.pick(["intoxication", "injury_adult_assault", "minor_illness"] as const),
    );
  }
  const contactDay = later(state, sentenced, 0, 200);
  const supportive = random.chance(0.55);
  contactsFor(
    state,
    children,
    contactDay,
    "probation",
    random.pick<ConcernCategory>(["parental_substance_misuse", "neglect", "emotional_abuse"]),
    supportive ? "child_in_need_assessment" : "early_help",
  );
  const start = later(state, contactDay, 14, 45);
  if (supportive) {
    childInNeed(
      state,
      children,
      start,
      custody ? "N8" : "N4",
      endOrOpen(state, start, 120, 500, 0.45),
    );
  } else {
    for (const child of children) {
      if (bornBy(state, child, start))
        addEarlyHelp(state, child, { start, ...opt(endOrOpen(state, start, 90, 365, 0.4)) });
    }
  }
  healthVisiting(state, cast.children, contactDay - years(1));
}

type Story = (state: WorldState) => void;

const stories = new WeightedTable<Story>([
  [domesticAbuse, 17],
  [neglect, 14],
  [physicalOrSexualAbuse, 6],
  [exploitation, 6],
  [parentalMentalHealth, 8],
  [lookedAfter, 5],
  [unbornPlan, 4],
  [earlyHelpOnly, 13],
  [singleContact, 15],
  [adultSelfNeglect, 6],
  [adultAbuse, 3],
  [careLeaver, 5],
  [parentOnProbation, 9],
]);

/** Runs household stories until the world has exactly the requested number of subjects. */
export function tellStories(state: WorldState): void {
  while (state.subjectsRemaining > 0) {
    stories.pick(state.random)(state);
  }
}
