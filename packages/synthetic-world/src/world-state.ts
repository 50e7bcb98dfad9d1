/**
 * The mutable state shared by the generator's stages while one world is being built. Nothing here
 * outlives `generateWorld`.
 */

import type { RecordBook } from "./agency-records.js";
import type { PersonIdentifiers } from "./person-identifiers.js";
import type { Places } from "./places.js";
import type { Random } from "./random.js";
import type { AgencyPersonRecord, Household, Relationship, TruePerson, World } from "./types.js";

export interface WorldState {
  random: Random;
  /** The world's today, as a day number; every event happens before it. */
  asOf: number;
  places: Places;
  identifiers: PersonIdentifiers;
  people: TruePerson[];
  households: Household[];
  relationships: Relationship[];
  /** Working data per person, in the order of `people`. */
  slots: PersonSlot[];
  records: RecordBook;
  socialCare: World["socialCare"];
  police: World["police"];
  health: World["health"];
  probation: World["probation"];
  /** Subjects (social care records) still to be created. */
  subjectsRemaining: number;
  /** Subject ids with an allocation (one allocated worker per open case). */
  allocated: Set<string>;
  /** "recordId:code" of warning markers already added. */
  markerKeys: Set<string>;
  /** Sequence numbers for event ids, by prefix. */
  sequences: Record<string, number>;
}

/** Event ids: a prefix and a zero-padded sequence number, unique within the world. */
export function nextId(state: WorldState, prefix: string, width: number): string {
  const n = (state.sequences[prefix] ?? 0) + 1;
  state.sequences[prefix] = n;
  return `${prefix}${String(n).padStart(width, "0")}`;
}

/**
 * What the generator keeps about a person besides the person: their date of birth as a day number and
 * their primary record at each agency. Indexed by the number in the person id rather than held in Maps
 * keyed by person: at 300,000 people the hashing dominated the generator's run time.
 */
export interface PersonSlot {
  birthDay: number;
  socialCare: AgencyPersonRecord | undefined;
  police: AgencyPersonRecord | undefined;
  health: AgencyPersonRecord | undefined;
  probation: AgencyPersonRecord | undefined;
}

/** Person ids are "TP" and a sequence number from 1, issued in the order people are created. */
export function slotOf(slots: readonly PersonSlot[], person: TruePerson): PersonSlot {
  const slot = slots[Number(person.id.slice(2)) - 1];
  if (slot === undefined) throw new Error(`unknown person ${person.id}`);
  return slot;
}

export function birthDay(state: WorldState, person: TruePerson): number {
  return slotOf(state.slots, person).birthDay;
}

/**
 * The day an event about a person can have happened: not before they were born (or, for offences,
 * before the age of criminal responsibility) and not on or after asOf.
 */
export function eventDay(
  state: WorldState,
  person: TruePerson,
  day: number,
  minAgeDays = 0,
): number {
  return Math.min(Math.max(day, birthDay(state, person) + minAgeDays), state.asOf - 1);
}
