/**
 * Households: who lives with whom, how they are related, and where they lived before. Families are
 * built the way they form in life - a couple, births spaced a few years apart, sometimes twins, a
 * separation and a new partner (step-parent, half-siblings, a child's surname changed), a grandparent
 * or a lodger - so that the relationships and surnames the agencies record are plausible.
 */

import { addYears, isoDate, yearOf, years } from "./dates.js";
import {
  familyNameForSex,
  familyNameStem,
  type NameOrigin,
  originWeights,
  pickFamilyName,
  pickGivenName,
} from "./names.js";
import { createPerson } from "./people.js";
import type { Area } from "./places.js";
import { type Random, WeightedTable } from "./random.js";
import type {
  Address,
  AddressSpell,
  Relationship,
  RelationshipType,
  Sex,
  TruePerson,
} from "./types.js";
import { nextId, type WorldState } from "./world-state.js";

const SYMMETRIC: ReadonlySet<RelationshipType> = new Set([
  "partner",
  "ex_partner",
  "sibling",
  "half_sibling",
  "other_relative",
]);

export function relate(
  state: WorldState,
  from: TruePerson,
  to: TruePerson,
  type: RelationshipType,
  livesTogether: boolean,
): void {
  state.relationships.push({ fromId: from.id, toId: to.id, type, livesTogether });
  if (SYMMETRIC.has(type))
    state.relationships.push({ fromId: to.id, toId: from.id, type, livesTogether });
}

export type FamilyStructure =
  | "two_parents"
  | "lone_mother"
  | "lone_father"
  | "mother_stepfather"
  | "father_stepmother";

export interface FamilyOptions {
  structure?: FamilyStructure;
  minChildren?: number;
  maxChildren?: number;
  /** Age range (at asOf) of the eldest child. */
  eldestAge?: readonly [number, number];
  /** The youngest child was born within this many days before asOf (unborn-plan stories). */
  babyBornWithinDays?: number;
  /** Guarantee a second adult (resident partner or non-resident ex-partner). */
  needsPartner?: boolean;
}

export interface FamilyCast {
  householdId: string;
  address: Address;
  structure: FamilyStructure;
  origin: NameOrigin;
  /** Resident mother, if any. */
  mother?: TruePerson;
  /** Resident father of at least one child. */
  father?: TruePerson;
  /** Resident partner who is not the parent of the older children. */
  stepParent?: TruePerson;
  /** Non-resident parent of the older children (an ex-partner of the resident parent). */
  absentParent?: TruePerson;
  /** Resident children, eldest first. */
  children: TruePerson[];
  grandparent?: TruePerson;
  lodger?: TruePerson;
  /** When the household moved to its current address, if it did in the last few years. */
  movedOn?: number;
  /** The family's relationships, so a story can update them (a child placed away from home). */
  relationships: Relationship[];
}

interface Move {
  home: Address;
  previous?: Address;
  movedOn?: number;
  /** When the household started at its first known address. */
  since: number;
}

function spells(
  move: Move,
  arrived: number,
  ownPrevious?: { address: Address; from: number },
): AddressSpell[] {
  const list: { address: Address; from: number }[] = [];
  if (ownPrevious !== undefined && ownPrevious.from < arrived) list.push(ownPrevious);
  if (move.previous !== undefined && move.movedOn !== undefined && arrived < move.movedOn) {
    list.push({ address: move.previous, from: arrived });
    list.push({ address: move.home, from: move.movedOn });
  } else {
    list.push({ address: move.home, from: Math.max(arrived, move.movedOn ?? arrived) });
  }
  return list.map((spell, i) => {
    const next = list[i + 1];
    const out: AddressSpell = { address: spell.address, from: isoDate(spell.from) };
    if (next !== undefined) out.to = isoDate(next.from - 1);
    return out;
  });
}

function pickOrigin(random: Random): NameOrigin {
  return originWeights.pick(random);
}

const STRUCTURES = new WeightedTable<FamilyStructure>([
  ["two_parents", 40],
  ["lone_mother", 33],
  ["lone_father", 4],
  ["mother_stepfather", 18],
  ["father_stepmother", 5],
]);

const CHILD_COUNTS = new WeightedTable<number>([
  [1, 35],
  [2, 35],
  [3, 20],
  [4, 10],
]);

function partnerOrigin(random: Random, origin: NameOrigin): NameOrigin {
  return random.chance(0.88) ? origin : pickOrigin(random);
}

function birthAround(random: Random, day: number, olderByYears: readonly [number, number]): number {
  return day - years(random.int(olderByYears[0], olderByYears[1])) - random.int(0, 364);
}

/** Double-barrelled names are built from two ordinary ones; "Al-" names are single names. */
function canHyphenate(a: string, b: string): boolean {
  return a !== b && !/[- ']/.test(a) && !/[- ']/.test(b);
}

function surnameFor(origin: NameOrigin, stem: string, sex: Sex, random: Random): string {
  if (origin === "indian" && stem === "Singh" && sex === "female" && random.chance(0.7))
    return "Kaur";
  return familyNameForSex(stem, sex);
}

function adultStem(random: Random, origin: NameOrigin): string {
  if (origin === "english" && random.chance(0.02)) {
    const a = pickFamilyName(random, "english");
    const b = pickFamilyName(random, "english");
    if (canHyphenate(a, b)) return `${a}-${b}`;
  }
  return pickFamilyName(random, origin);
}

export function buildFamily(state: WorldState, options: FamilyOptions = {}): FamilyCast {
  const { random, asOf, places } = state;
  let structure = options.structure ?? STRUCTURES.pick(random);
  if (options.needsPartner && structure === "lone_father") structure = "two_parents";
  const origin = pickOrigin(random);
  const householdId = nextId(state, "HH", 7);
  const home = places.newAddress("mash");

  // --- births -------------------------------------------------------------------------------
  const minChildren = options.minChildren ?? 1;
  const maxChildren = options.maxChildren ?? 4;
  const wanted = Math.min(maxChildren, Math.max(minChildren, CHILD_COUNTS.pick(random)));
  const [eldestMin, eldestMax] = options.eldestAge ?? [0, 17];
  const latestBirth = asOf - 14;
  const eldestBirth = Math.min(
    latestBirth,
    asOf - years(random.int(eldestMin, eldestMax)) - random.int(0, 360),
  );
  const births: number[] = [eldestBirth];
  while (births.length < wanted) {
    const next = (births[births.length - 1] as number) + random.int(330, years(5));
    if (next > latestBirth) break;
    births.push(next);
  }
  if (options.babyBornWithinDays !== undefined) {
    const baby = asOf - random.int(21, options.babyBornWithinDays);
    while (births.length > 1 && (births[births.length - 1] as number) > baby - 300) births.pop();
    if ((births[births.length - 1] as number) > baby - 300) births[births.length - 1] = baby;
    else births.push(baby);
  }
  // Step families: the older children are from the resident parent's earlier relationship.
  const stepFamily = structure === "mother_stepfather" || structure === "father_stepmother";
  const residentIsMother = structure !== "lone_father" && structure !== "father_stepmother";
  let halfSiblingFrom = births.length;
  let joinedOn = asOf - random.int(90, years(4));
  if (stepFamily) {
    if (births.length > 1 && random.chance(0.5)) {
      halfSiblingFrom = births.length - 1;
      joinedOn = Math.min(joinedOn, (births[halfSiblingFrom] as number) - random.int(200, 700));
    }
    joinedOn = Math.min(
      state.asOf - 7,
      Math.max(joinedOn, (births[halfSiblingFrom - 1] as number) + 30),
    );
  }

  // Twins: planted a little more often than in life (about 1 in 65 maternities) so small worlds have
  // some. A twin of a half-sibling is a half-sibling too.
  let twinIndex = -1;
  if (random.chance(0.05)) {
    twinIndex = random.int(0, births.length - 1);
    births.splice(twinIndex + 1, 0, births[twinIndex] as number);
    if (twinIndex < halfSiblingFrom) halfSiblingFrom++;
  }

  // --- the household's moves ------------------------------------------------------------------
  const moved = random.chance(0.4);
  const movedOn = moved ? asOf - random.int(60, years(6)) : undefined;
  const move: Move = {
    home,
    since: Math.min(eldestBirth, (movedOn ?? asOf) - years(random.int(2, 12))),
  };
  if (movedOn !== undefined) {
    move.movedOn = movedOn;
    move.previous = places.newAddress(random.chance(0.25) ? "neighbour" : "mash");
  }

  // --- adults ---------------------------------------------------------------------------------
  const parentBirth = birthAround(random, eldestBirth, [17, 36]);
  const residentParentSex: Sex = residentIsMother ? "female" : "male";
  const residentOrigin = origin;
  const residentMaiden = adultStem(random, residentOrigin);

  // The other parent of the first children: resident (two_parents) or absent.
  const otherSex: Sex = residentIsMother ? "male" : "female";
  const otherOrigin = partnerOrigin(random, origin);
  const otherStem = adultStem(random, otherOrigin);
  const otherBirth =
    otherSex === "male"
      ? parentBirth - random.int(-years(2), years(7))
      : parentBirth + random.int(-years(2), years(7));
  const firstCoupleMarried =
    structure === "two_parents"
      ? random.chance(0.6)
      : stepFamily
        ? random.chance(0.25)
        : random.chance(0.2);
  const otherParentExists =
    structure === "two_parents" || options.needsPartner || random.chance(0.75);

  const fatherStem = residentIsMother ? otherStem : residentMaiden;
  const motherMaidenStem = residentIsMother ? residentMaiden : otherStem;
  const somali = origin === "somali";

  // The resident parent's names; a mother married to the first father took his name.
  const residentPrevious: string[] = [];
  let residentStem = residentMaiden;
  if (residentIsMother && firstCoupleMarried && !somali && otherOrigin === origin) {
    residentPrevious.push(surnameFor(origin, residentMaiden, "female", random));
    residentStem = fatherStem;
  }

  // The step-parent, if any.
  let stepStem: string | undefined;
  let stepOrigin: NameOrigin | undefined;
  let stepMarried = false;
  if (stepFamily) {
    stepOrigin = partnerOrigin(random, origin);
    stepStem = adultStem(random, stepOrigin);
    stepMarried = random.chance(0.4);
    if (residentIsMother && stepMarried && stepOrigin === origin && !somali) {
      const current = surnameFor(origin, residentStem, "female", random);
      if (!residentPrevious.includes(current)) residentPrevious.push(current);
      residentStem = stepStem;
    }
  }

  const residentParent = createPerson(state, {
    sex: residentParentSex,
    birthDay: parentBirth,
    origin: residentOrigin,
    familyName: surnameFor(origin, residentStem, residentParentSex, random),
    previousFamilyNames: residentPrevious,
    householdId,
    addressHistory: spells(move, Math.max(move.since, addYears(parentBirth, 16))),
  });

  let otherParent: TruePerson | undefined;
  if (otherParentExists) {
    if (structure === "two_parents") {
      otherParent = createPerson(state, {
        sex: otherSex,
        birthDay: otherBirth,
        origin: otherOrigin,
        familyName: surnameFor(otherOrigin, otherStem, otherSex, random),
        householdId,
        addressHistory: spells(move, Math.max(move.since, addYears(otherBirth, 16))),
      });
    } else {
      otherParent = buildSingleAdult(state, {
        sex: otherSex,
        birthDay: otherBirth,
        origin: otherOrigin,
        familyName: surnameFor(otherOrigin, otherStem, otherSex, random),
        area: random.chance(0.8) ? "mash" : "neighbour",
      });
    }
  }

  let stepParent: TruePerson | undefined;
  if (stepFamily && stepStem !== undefined && stepOrigin !== undefined) {
    const stepSex: Sex = residentIsMother ? "male" : "female";
    const stepBirth = parentBirth + random.int(-years(6), years(4));
    stepParent = createPerson(state, {
      sex: stepSex,
      birthDay: stepBirth,
      origin: stepOrigin,
      familyName: surnameFor(stepOrigin, stepStem, stepSex, random),
      householdId,
      addressHistory: spells(move, joinedOn, {
        address: places.newAddress("mash"),
        from: Math.max(addYears(stepBirth, 18), joinedOn - years(random.int(1, 6))),
      }),
    });
  }

  // --- children -------------------------------------------------------------------------------
  const children: TruePerson[] = [];
  const firstChildrenStem = (() => {
    if (firstCoupleMarried) return fatherStem;
    const pick = random.weighted<"father" | "mother" | "both">([
      ["father", 55],
      ["mother", 35],
      ["both", otherParentExists ? 10 : 0],
    ]);
    if (pick === "both" && canHyphenate(motherMaidenStem, fatherStem)) {
      return `${familyNameStem(motherMaidenStem)}-${familyNameStem(fatherStem)}`;
    }
    return pick === "mother" ? motherMaidenStem : fatherStem;
  })();
  // Half of the children in a step family whose parent remarried take the step-parent's name.
  const renameToStep = stepFamily && stepMarried && random.chance(0.5);
  const usedGivenNames = new Set<string>();
  for (let i = 0; i < births.length; i++) {
    const birth = births[i] as number;
    const sex: Sex = random.chance(0.51) ? "male" : "female";
    const isHalf = stepFamily && i >= halfSiblingFrom;
    const childOrigin = random.chance(0.7) ? origin : otherOrigin;
    let stem = isHalf && stepStem !== undefined ? stepStem : firstChildrenStem;
    const previous: string[] = [];
    if (renameToStep && !isHalf && stepStem !== undefined && stem !== stepStem) {
      previous.push(surnameFor(origin, stem, sex, random));
      stem = stepStem;
    }
    let familyName = surnameFor(origin, stem, sex, random);
    if (somali) {
      const father = isHalf ? stepParent : residentIsMother ? otherParent : residentParent;
      if (father !== undefined) familyName = father.givenName;
    }
    // Siblings (twins above all) get different given names.
    let givenName = pickGivenName(random, childOrigin, sex, yearOf(birth));
    for (let attempt = 0; attempt < 20 && usedGivenNames.has(givenName); attempt++) {
      givenName = pickGivenName(random, childOrigin, sex, yearOf(birth));
    }
    usedGivenNames.add(givenName);
    const child = createPerson(state, {
      sex,
      birthDay: birth,
      origin: childOrigin,
      familyName,
      previousFamilyNames: previous,
      householdId,
      addressHistory: spells(move, birth),
      givenName,
    });
    children.push(child);
  }
  if (twinIndex >= 0) {
    const a = children[twinIndex] as TruePerson;
    const b = children[twinIndex + 1] as TruePerson;
    a.twinOfId = b.id;
    b.twinOfId = a.id;
  }

  // --- grandparent and lodger ---------------------------------------------------------------
  let grandparent: TruePerson | undefined;
  if (random.chance(0.07)) {
    const gpBirth = birthAround(random, parentBirth, [18, 34]);
    grandparent = createPerson(state, {
      sex: "female",
      birthDay: gpBirth,
      origin,
      familyName: surnameFor(
        origin,
        residentIsMother ? residentMaiden : fatherStem,
        "female",
        random,
      ),
      householdId,
      addressHistory: spells(move, Math.max(move.since, asOf - years(random.int(1, 8))), {
        address: places.newAddress("mash"),
        from: addYears(gpBirth, 40),
      }),
    });
  }
  let lodger: TruePerson | undefined;
  if (random.chance(0.025)) {
    const lodgerOrigin = pickOrigin(random);
    const lodgerSex: Sex = random.chance(0.7) ? "male" : "female";
    const lodgerBirth = asOf - years(random.int(20, 60)) - random.int(0, 364);
    lodger = createPerson(state, {
      sex: lodgerSex,
      birthDay: lodgerBirth,
      origin: lodgerOrigin,
      familyName: surnameFor(lodgerOrigin, pickFamilyName(random, lodgerOrigin), lodgerSex, random),
      householdId,
      addressHistory: spells(move, asOf - random.int(60, years(3)), {
        address: places.newAddress(random.chance(0.7) ? "mash" : "neighbour"),
        from: asOf - years(random.int(4, 10)),
      }),
    });
  }

  // --- relationships --------------------------------------------------------------------------
  const firstRelationship = state.relationships.length;
  const mother = residentIsMother ? residentParent : undefined;
  const father = !residentIsMother
    ? residentParent
    : structure === "two_parents"
      ? otherParent
      : undefined;
  const absentParent = structure === "two_parents" ? undefined : otherParent;
  const firstParents = [residentParent, otherParent].filter(
    (p): p is TruePerson => p !== undefined,
  );

  if (structure === "two_parents" && otherParent !== undefined) {
    relate(state, residentParent, otherParent, "partner", true);
  } else if (otherParent !== undefined) {
    relate(state, residentParent, otherParent, "ex_partner", false);
  }
  if (stepParent !== undefined) relate(state, residentParent, stepParent, "partner", true);

  for (let i = 0; i < children.length; i++) {
    const child = children[i] as TruePerson;
    const isHalf = stepFamily && i >= halfSiblingFrom;
    relate(state, residentParent, child, "parent", true);
    if (isHalf && stepParent !== undefined) {
      relate(state, stepParent, child, "parent", true);
    } else {
      if (otherParent !== undefined)
        relate(state, otherParent, child, "parent", structure === "two_parents");
      if (stepParent !== undefined) relate(state, stepParent, child, "step_parent", true);
    }
    for (let j = 0; j < i; j++) {
      const older = children[j] as TruePerson;
      const olderHalf = stepFamily && j >= halfSiblingFrom;
      relate(state, older, child, olderHalf === isHalf ? "sibling" : "half_sibling", true);
    }
    if (grandparent !== undefined) relate(state, grandparent, child, "grandparent", true);
  }
  if (grandparent !== undefined) {
    relate(
      state,
      grandparent,
      residentParent,
      residentIsMother ? "parent" : "other_relative",
      true,
    );
  }
  if (lodger !== undefined) relate(state, lodger, residentParent, "lodger", true);

  const members = [...firstParents.filter((p) => p.householdId === householdId), ...children];
  if (stepParent !== undefined) members.push(stepParent);
  if (grandparent !== undefined) members.push(grandparent);
  if (lodger !== undefined) members.push(lodger);
  state.households.push({ id: householdId, address: home, memberIds: members.map((m) => m.id) });

  const cast: FamilyCast = {
    householdId,
    address: home,
    structure,
    origin,
    children,
    relationships: state.relationships.slice(firstRelationship),
  };
  if (mother !== undefined) cast.mother = mother;
  if (father !== undefined) cast.father = father;
  if (stepParent !== undefined) cast.stepParent = stepParent;
  if (absentParent !== undefined) cast.absentParent = absentParent;
  if (grandparent !== undefined) cast.grandparent = grandparent;
  if (lodger !== undefined) cast.lodger = lodger;
  if (movedOn !== undefined) cast.movedOn = movedOn;
  return cast;
}

export interface SingleAdultOptions {
  sex?: Sex;
  birthDay?: number;
  /** Age range at asOf when no birth day is given. */
  age?: readonly [number, number];
  origin?: NameOrigin;
  familyName?: string;
  givenName?: string;
  area?: Area;
}

/** Someone living alone (or with people no agency needs to know about). */
export function buildSingleAdult(state: WorldState, options: SingleAdultOptions = {}): TruePerson {
  const { random, asOf, places } = state;
  const origin = options.origin ?? pickOrigin(random);
  const sex = options.sex ?? (random.chance(0.5) ? "male" : "female");
  const [minAge, maxAge] = options.age ?? [18, 80];
  const birth = options.birthDay ?? asOf - years(random.int(minAge, maxAge)) - random.int(0, 364);
  const householdId = nextId(state, "HH", 7);
  const home = places.newAddress(options.area ?? "mash");
  const moved = random.chance(0.35);
  const move: Move = { home, since: asOf - years(random.int(1, 15)) };
  if (moved) {
    move.movedOn = asOf - random.int(60, years(5));
    move.previous = places.newAddress(random.chance(0.2) ? "neighbour" : "mash");
    move.since = move.movedOn - years(random.int(1, 8));
  }
  let previousFamilyNames: string[] | undefined;
  let familyName = options.familyName;
  if (familyName === undefined) {
    familyName = familyNameForSex(adultStem(random, origin), sex);
    if (sex === "female" && origin !== "somali" && random.chance(0.2)) {
      previousFamilyNames = [familyNameForSex(pickFamilyName(random, origin), sex)];
    }
  }
  const person = createPerson(state, {
    sex,
    birthDay: birth,
    origin,
    familyName,
    ...(options.givenName === undefined ? {} : { givenName: options.givenName }),
    ...(previousFamilyNames === undefined ? {} : { previousFamilyNames }),
    householdId,
    addressHistory: spells(move, Math.max(move.since, addYears(birth, 17))),
  });
  state.households.push({ id: householdId, address: home, memberIds: [person.id] });
  return person;
}

export interface CoupleCast {
  householdId: string;
  /** By convention the first is the woman in a mixed-sex couple. */
  a: TruePerson;
  b: TruePerson;
}

/** A couple without children at home: young couples, and older couples whose children have left. */
export function buildCouple(
  state: WorldState,
  age: readonly [number, number],
  area: Area = "mash",
): CoupleCast {
  const { random, asOf, places } = state;
  const origin = pickOrigin(random);
  const householdId = nextId(state, "HH", 7);
  const home = places.newAddress(area);
  const moved = random.chance(0.3);
  const move: Move = { home, since: asOf - years(random.int(1, 25)) };
  if (moved) {
    move.movedOn = asOf - random.int(60, years(5));
    move.previous = places.newAddress(random.chance(0.2) ? "neighbour" : "mash");
    move.since = move.movedOn - years(random.int(1, 10));
  }
  const bBirth = asOf - years(random.int(age[0], age[1])) - random.int(0, 364);
  const aBirth = bBirth + random.int(-years(2), years(6));
  const bOrigin = partnerOrigin(random, origin);
  const bStem = adultStem(random, bOrigin);
  const married =
    random.chance(age[0] >= 50 ? 0.8 : 0.4) && bOrigin === origin && origin !== "somali";
  const aMaiden = adultStem(random, origin);
  const a = createPerson(state, {
    sex: "female",
    birthDay: aBirth,
    origin,
    familyName: familyNameForSex(married ? bStem : aMaiden, "female"),
    previousFamilyNames: married ? [familyNameForSex(aMaiden, "female")] : [],
    householdId,
    addressHistory: spells(move, Math.max(move.since, addYears(aBirth, 17))),
  });
  const b = createPerson(state, {
    sex: "male",
    birthDay: bBirth,
    origin: bOrigin,
    familyName: bStem,
    householdId,
    addressHistory: spells(move, Math.max(move.since, addYears(bBirth, 17))),
  });
  relate(state, a, b, "partner", true);
  state.households.push({ id: householdId, address: home, memberIds: [a.id, b.id] });
  return { householdId, a, b };
}
