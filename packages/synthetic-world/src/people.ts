/**
 * True people: who someone really is, before any agency writes them down.
 */

import { ageAt, isoDate, yearOf, ymdOf } from "./dates.js";
import { type NameOrigin, pickGivenName } from "./names.js";
import { dfeLaNumbers } from "./places.js";
import { WeightedTable } from "./random.js";
import type { AddressSpell, Gender, Sex, TruePerson } from "./types.js";
import { nextId, type WorldState } from "./world-state.js";

const MIDDLE_NAMES = new WeightedTable<number>([
  [0, 47],
  [1, 45],
  [2, 8],
]);

export interface PersonSpec {
  sex: Sex;
  birthDay: number;
  origin: NameOrigin;
  familyName: string;
  givenName?: string;
  previousFamilyNames?: string[];
  householdId: string;
  addressHistory: AddressSpell[];
}

export function createPerson(state: WorldState, spec: PersonSpec): TruePerson {
  const { random } = state;
  const birthYear = yearOf(spec.birthDay);
  const givenName = spec.givenName ?? pickGivenName(random, spec.origin, spec.sex, birthYear);
  const middleNames: string[] = [];
  const middleCount = MIDDLE_NAMES.pick(random);
  for (let i = 0; i < middleCount; i++) {
    const middle = pickGivenName(random, spec.origin, spec.sex, birthYear);
    if (middle !== givenName && !middleNames.includes(middle)) middleNames.push(middle);
  }
  const age = ageAt(spec.birthDay, state.asOf);
  let gender: Gender = spec.sex;
  if (age >= 16 && random.chance(0.004)) gender = "non_binary";

  // A name taken twice (married someone with the same surname) is not a change of name.
  const previousFamilyNames: string[] = [];
  for (const name of spec.previousFamilyNames ?? []) {
    if (name !== spec.familyName && !previousFamilyNames.includes(name))
      previousFamilyNames.push(name);
  }
  const person: TruePerson = {
    id: nextId(state, "TP", 7),
    givenName,
    middleNames,
    familyName: spec.familyName,
    previousFamilyNames,
    sex: spec.sex,
    gender,
    dateOfBirth: isoDate(spec.birthDay),
    nhsNumber: state.identifiers.nhsNumber(),
    addressHistory: spec.addressHistory,
    householdId: spec.householdId,
  };
  if (age >= 4 && age < 18) {
    // The UPN is issued by the first school, in the area the child lived in then.
    const firstAddress = spec.addressHistory[0]?.address;
    const la = firstAddress === undefined ? undefined : state.places.localAuthorityOf(firstAddress);
    const laNumber = (la === undefined ? undefined : dfeLaNumbers[la.name]) ?? 383;
    person.upn = state.identifiers.upn(laNumber, ymdOf(spec.birthDay).year + 4);
  }
  state.people.push(person);
  state.slots.push({
    birthDay: spec.birthDay,
    socialCare: undefined,
    police: undefined,
    health: undefined,
    probation: undefined,
  });
  return person;
}

/** Gives a person a PNC ID (and sometimes a CRO number) on first arrest. */
export function recordArrest(state: WorldState, person: TruePerson, arrestDay: number): void {
  if (person.pncId !== undefined) return;
  const year = yearOf(arrestDay);
  person.pncId = state.identifiers.pncId(year);
  if (state.random.chance(0.65)) person.croNumber = state.identifiers.croNumber(year);
}

export function currentAddress(person: TruePerson): AddressSpell {
  const spell = person.addressHistory[person.addressHistory.length - 1];
  if (spell === undefined) throw new Error(`${person.id} has no address`);
  return spell;
}
