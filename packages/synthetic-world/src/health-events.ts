/**
 * What health holds: GP registration, CP-IS flags (keyed by NHS number, mirroring social care's plans
 * and looked-after episodes), unscheduled care, health visiting and school nursing, maternity, and
 * CAMHS involvement.
 */

import { addYears, dayFromIso, isoDate, isoDateTime, years } from "./dates.js";
import { currentAddress } from "./people.js";
import type { CpisPlanType, TruePerson, UnscheduledCareSetting } from "./types.js";
import { birthDay, eventDay, nextId, type WorldState } from "./world-state.js";

/** The patient record, registered with a practice near home when first opened. */
export function healthRecordId(state: WorldState, person: TruePerson): string {
  const existing = state.records.get(person, "health");
  if (existing !== undefined) return existing.recordId;
  const record = state.records.ensure(person, "health");
  const { random } = state;
  const spell = currentAddress(person);
  const practice = state.places.practiceFor(spell.address);
  const born = birthDay(state, person);
  // Registered when they moved to the current address (or at birth), a few weeks later at most.
  const from = Math.max(born, dayFromIso(spell.from));
  const registeredOn = Math.min(state.asOf - 1, from + random.int(0, 60));
  state.health.registrations.push({
    recordId: record.recordId,
    practiceCode: practice.code,
    practiceName: practice.name,
    registeredOn: isoDate(registeredOn),
  });
  return record.recordId;
}

export function addCpisFlag(
  state: WorldState,
  person: TruePerson,
  spec: { planType: CpisPlanType; start: number; end?: number },
): void {
  const recordId = healthRecordId(state, person);
  const record = state.records.get(person, "health");
  if (record !== undefined) state.records.pinNhsNumber(record);
  state.health.cpisFlags.push({
    id: nextId(state, "CPIS", 7),
    recordId,
    nhsNumber: person.nhsNumber,
    planType: spec.planType,
    startDate: isoDate(spec.start),
    ...(spec.end === undefined ? {} : { endDate: isoDate(spec.end) }),
    localAuthority: state.places.localAuthorityOf(currentAddress(person).address),
  });
}

export type UnscheduledReason =
  | "injury_child"
  | "injury_adult_assault"
  | "overdose"
  | "self_harm"
  | "intoxication"
  | "mental_health_crisis"
  | "fall_older_adult"
  | "minor_illness"
  | "pregnancy";

const unscheduled: Record<
  UnscheduledReason,
  { settings: readonly UnscheduledCareSetting[]; text: readonly string[] }
> = {
  injury_child: {
    settings: ["emergency_department", "minor_injury_unit", "walk_in_centre"],
    text: [
      "Bruising to the face, said to be a fall",
      "Burn to the hand",
      "Head injury, fell from a sofa",
      "Fractured wrist",
    ],
  },
  injury_adult_assault: {
    settings: ["emergency_department", "ambulance", "minor_injury_unit"],
    text: [
      "Facial injuries, reports being assaulted",
      "Bruising to the neck",
      "Laceration to the head",
      "Injury to the ribs after an assault",
    ],
  },
  overdose: {
    settings: ["emergency_department", "ambulance", "nhs_111"],
    text: ["Intentional overdose of paracetamol", "Overdose of prescribed medication"],
  },
  self_harm: {
    settings: ["emergency_department", "nhs_111"],
    text: ["Self-inflicted lacerations to the forearm", "Ligature, no lasting injury"],
  },
  intoxication: {
    settings: ["emergency_department", "ambulance"],
    text: ["Alcohol intoxication, found in the street", "Suspected drug intoxication"],
  },
  mental_health_crisis: {
    settings: ["emergency_department", "nhs_111", "gp_out_of_hours"],
    text: ["Suicidal ideation", "Acute anxiety, not coping", "Psychotic episode"],
  },
  fall_older_adult: {
    settings: ["ambulance", "emergency_department"],
    text: ["Fall at home, long lie", "Confusion and dehydration", "Pressure sores, poor self-care"],
  },
  minor_illness: {
    settings: ["nhs_111", "gp_out_of_hours", "walk_in_centre", "minor_injury_unit"],
    text: ["High temperature", "Chest infection", "Vomiting and diarrhoea", "Earache", "Rash"],
  },
  pregnancy: {
    settings: ["emergency_department", "nhs_111"],
    text: ["Abdominal pain in pregnancy", "Reduced fetal movements"],
  },
};

export function addUnscheduledCare(
  state: WorldState,
  person: TruePerson,
  day: number,
  reason: UnscheduledReason,
): void {
  const { random } = state;
  const option = unscheduled[reason];
  state.health.unscheduledCare.push({
    id: nextId(state, "UC", 8),
    recordId: healthRecordId(state, person),
    attendedAt: isoDateTime(eventDay(state, person, day), random.int(0, 1439)),
    setting: random.pick(option.settings),
    presentingComplaint: random.pick(option.text),
  });
}

const healthVisiting: readonly string[] = [
  "New birth visit; feeding well; parent reports low mood, to review.",
  "Development review at 1 year; no concerns raised.",
  "Missed appointments x2; visit arranged, no answer at the door.",
  "2-2.5 year review; speech delay noted, referral to speech and language therapy.",
  "Home conditions cluttered; safe sleep advice repeated.",
];

const schoolNursing: readonly string[] = [
  "Drop-in: reports not sleeping, worries at home.",
  "Weight and height check; above the 98th centile, advice given.",
  "Attended about self-harm; safety plan agreed, GP informed.",
  "Enuresis clinic follow-up.",
  "Young person asked about contraception and relationships.",
];

/** Health visiting for under-fives, school nursing for school-age children. */
export function addCommunityContact(state: WorldState, child: TruePerson, day: number): void {
  const born = birthDay(state, child);
  const underFive = day < addYears(born, 5);
  state.health.communityContacts.push({
    id: nextId(state, "CH", 8),
    recordId: healthRecordId(state, child),
    contactDate: isoDate(eventDay(state, child, day, 10)),
    service: underFive ? "health_visiting" : "school_nursing",
    summary: state.random.pick(underFive ? healthVisiting : schoolNursing),
  });
}

const maternityConcerns: readonly string[] = [
  "Domestic abuse disclosed at booking",
  "Late booking (after 20 weeks)",
  "Substance misuse in pregnancy",
  "Maternal mental health history",
  "Previous children removed from care",
  "Missed antenatal appointments",
  "Housing instability",
];

/** Booking about 10 weeks into pregnancy; due date about 40 weeks from conception. */
export function addMaternity(
  state: WorldState,
  mother: TruePerson,
  birth: number,
  concerns: number,
): void {
  const { random } = state;
  const due = birth + random.int(-14, 10);
  state.health.maternity.push({
    id: nextId(state, "MAT", 7),
    recordId: healthRecordId(state, mother),
    bookingDate: isoDate(Math.min(due - 210 + random.int(-14, 60), state.asOf - 1)),
    expectedDeliveryDate: isoDate(due),
    concerns: random.sample(maternityConcerns, concerns),
  });
}

const camhsNotes: readonly string[] = [
  "Low mood and self-harm; risk assessment completed; weekly sessions.",
  "Anxiety affecting school attendance; CBT offered.",
  "Trauma symptoms following domestic abuse at home; assessment ongoing.",
  "Eating difficulties; joint working with the paediatric team.",
  "Behavioural concerns; neurodevelopmental assessment requested.",
];

export function addCamhs(
  state: WorldState,
  child: TruePerson,
  referredOn: number,
  closedOn?: number,
): void {
  const referred = Math.min(eventDay(state, child, referredOn, years(3)), state.asOf - 2);
  const closed =
    closedOn === undefined ? undefined : Math.min(Math.max(closedOn, referred + 1), state.asOf - 1);
  state.health.camhs.push({
    id: nextId(state, "CAMHS", 6),
    recordId: healthRecordId(state, child),
    referredOn: isoDate(referred),
    status: closed === undefined ? "open" : "closed",
    ...(closed === undefined ? {} : { closedOn: isoDate(closed) }),
    clinicalNotes: state.random.pick(camhsNotes),
  });
}
