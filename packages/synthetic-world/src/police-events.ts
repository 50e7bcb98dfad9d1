/**
 * What the police hold: nominal records, warning markers, notifications about children and
 * vulnerable adults, domestic abuse incidents with DASH risk and MARAC referral, offences and arrests,
 * and intelligence graded 3x5x2 (sanitised text only; source-revealing material never leaves).
 */

import { isoDate, isoDateTime, years } from "./dates.js";
import { recordArrest } from "./people.js";
import type {
  ArrestOutcome,
  DashRisk,
  IncidentRole,
  IntelligenceItem,
  NotificationCategory,
  OffenceCategory,
  TruePerson,
  WarningMarkerCode,
} from "./types.js";
import { eventDay, nextId, type WorldState } from "./world-state.js";

/** Ten years: no offence is recorded against a younger child. */
const AGE_OF_CRIMINAL_RESPONSIBILITY = years(10);

export function policeRecordId(state: WorldState, person: TruePerson): string {
  return state.records.ensure(person, "police").recordId;
}

const notificationText: Record<NotificationCategory, readonly string[]> = {
  child_at_risk: [
    "Officers attended a concern for welfare; home conditions poor and children unsupervised.",
    "Child found alone at night near the address; returned home, parent intoxicated.",
    "Child present during execution of a drugs warrant at the address.",
  ],
  domestic_abuse_child_present: [
    "Domestic incident at the home address; the child was present and distressed.",
    "Verbal and physical altercation between adults; the child was in the house at the time.",
  ],
  missing_person: [
    "Reported missing by carer; located the following day in another part of the city.",
    "Missing overnight; found in the company of older males, would not say where they had been.",
  ],
  vulnerable_adult: [
    "Concern for welfare: adult found confused and without heating; referred for support.",
    "Adult reported being pressured for money by an associate; appears at risk of exploitation.",
  ],
  child_exploitation: [
    "Young person stopped with large amount of cash and two phones; exploitation indicators.",
    "Young person found in an address used for drug supply out of area.",
  ],
};

export function addNotification(
  state: WorldState,
  person: TruePerson,
  day: number,
  category: NotificationCategory,
): void {
  state.police.notifications.push({
    id: nextId(state, "PN", 8),
    recordId: policeRecordId(state, person),
    raisedAt: isoDateTime(eventDay(state, person, day), state.random.int(0, 1439)),
    category,
    summary: state.random.pick(notificationText[category]),
  });
}

const daText: Record<DashRisk, readonly string[]> = {
  standard: [
    "Verbal argument reported by a neighbour; no injuries; both parties spoken to.",
    "Dispute over child contact arrangements; no offences disclosed.",
  ],
  medium: [
    "Victim reports being pushed and threatened; history of controlling behaviour.",
    "Damage caused to the victim's phone to stop them calling for help.",
  ],
  high: [
    "Victim strangled during an argument; perpetrator left before police arrival.",
    "Threats to kill made; escalating frequency of incidents; victim fearful.",
    "Serious assault; victim taken to hospital; perpetrator arrested at the scene.",
  ],
};

export interface DomesticIncidentSpec {
  day: number;
  victim: TruePerson;
  perpetrator: TruePerson;
  childrenPresent: readonly TruePerson[];
  risk: DashRisk;
}

/** One incident; each child present also generates a notification to the MASH. */
export function addDomesticIncident(state: WorldState, spec: DomesticIncidentSpec): void {
  const { random } = state;
  const day = Math.min(spec.day, state.asOf - 1);
  const involved: { recordId: string; role: IncidentRole }[] = [
    { recordId: policeRecordId(state, spec.victim), role: "victim" },
    { recordId: policeRecordId(state, spec.perpetrator), role: "perpetrator" },
  ];
  for (const child of spec.childrenPresent) {
    involved.push({ recordId: policeRecordId(state, child), role: "child_present" });
  }
  // High risk goes to MARAC; a medium case is referred on professional judgement now and then.
  const marac = spec.risk === "high" || (spec.risk === "medium" && random.chance(0.1));
  state.police.domesticAbuseIncidents.push({
    id: nextId(state, "DA", 8),
    occurredAt: isoDateTime(day, random.int(0, 1439)),
    dashRisk: spec.risk,
    maracReferral: marac,
    involved,
    summary: random.pick(daText[spec.risk]),
  });
  for (const child of spec.childrenPresent) {
    addNotification(state, child, day + random.int(0, 1), "domestic_abuse_child_present");
  }
}

const offenceText: Record<OffenceCategory, readonly string[]> = {
  violence_against_the_person: [
    "Assault occasioning actual bodily harm",
    "Common assault",
    "Controlling or coercive behaviour in an intimate or family relationship",
    "Harassment",
    "Wounding with intent",
  ],
  sexual_offences: ["Sexual assault", "Possession of indecent images of children", "Rape"],
  robbery: ["Robbery of personal property"],
  theft: ["Shoplifting", "Theft from a motor vehicle", "Burglary of a dwelling"],
  criminal_damage: ["Criminal damage to a dwelling", "Arson not endangering life"],
  drug_offences: [
    "Possession with intent to supply a Class A drug",
    "Possession of a Class B drug",
    "Being concerned in the supply of a Class A drug",
  ],
  possession_of_weapons: [
    "Possession of a bladed article in a public place",
    "Possession of an offensive weapon",
  ],
  public_order: ["Using threatening words or behaviour", "Affray"],
  fraud: ["Fraud by false representation", "Fraud by abuse of position"],
};

export interface OffenceSpec {
  day: number;
  category: OffenceCategory;
  /** Omit for an offence recorded without an arrest (e.g. dealt with by voluntary interview). */
  arrest?: ArrestOutcome;
}

/** What a story needs to know of a recorded offence: its wording and when it was committed. */
export interface RecordedOffence {
  description: string;
  /** May be later than asked for: no offence is recorded before the age of 10. */
  day: number;
}

export function addOffence(
  state: WorldState,
  person: TruePerson,
  spec: OffenceSpec,
): RecordedOffence {
  const { random } = state;
  const day = Math.min(
    eventDay(state, person, spec.day, AGE_OF_CRIMINAL_RESPONSIBILITY),
    state.asOf - 2,
  );
  const description = random.pick(offenceText[spec.category]);
  const recordId = policeRecordId(state, person);
  const offence = {
    id: nextId(state, "OF", 8),
    recordId,
    committedOn: isoDate(day),
    category: spec.category,
    description,
  };
  if (spec.arrest !== undefined) {
    const arrestedOn = Math.min(
      day +
        random.weighted<number>([
          [0, 60],
          [1, 20],
          [random.int(2, 60), 20],
        ]),
      state.asOf - 1,
    );
    recordArrest(state, person, arrestedOn);
    state.police.offences.push({
      ...offence,
      arrest: { arrestedOn: isoDate(arrestedOn), outcome: spec.arrest },
    });
  } else {
    state.police.offences.push(offence);
  }
  return { description, day };
}

export function addWarningMarker(
  state: WorldState,
  person: TruePerson,
  code: WarningMarkerCode,
  day: number,
): void {
  const recordId = policeRecordId(state, person);
  const key = `${recordId}:${code}`;
  if (state.markerKeys.has(key)) return;
  state.markerKeys.add(key);
  state.police.warningMarkers.push({
    recordId,
    code,
    addedOn: isoDate(eventDay(state, person, day, AGE_OF_CRIMINAL_RESPONSIBILITY)),
  });
}

export type IntelligenceTheme = "exploitation" | "drugs" | "domestic" | "weapons" | "sexual_risk";

const intelligenceText: Record<IntelligenceTheme, readonly string[]> = {
  exploitation: [
    "Subject is believed to be associating with older males involved in the supply of Class A drugs.",
    "Subject has been seen at an address linked to the exploitation of young people.",
    "Subject is reported to be travelling out of area to sell drugs on behalf of others.",
  ],
  drugs: [
    "Subject is believed to be supplying cannabis from the home address.",
    "Subject is reported to owe a drug debt to an organised group.",
  ],
  domestic: [
    "Subject is believed to be back in contact with a former partner despite conditions.",
    "Subject is reported to monitor a partner's phone and restrict access to money.",
  ],
  weapons: [
    "Subject is believed to carry a knife when in the city centre.",
    "Subject is reported to have access to a weapon stored at an associate's address.",
  ],
  sexual_risk: [
    "Subject is reported to be contacting children through online gaming platforms.",
    "Subject is believed to be living at an address with children, not declared.",
  ],
};

/** Mostly handling code P; about one in six C (sharing with conditions). */
export function addIntelligence(
  state: WorldState,
  person: TruePerson,
  day: number,
  theme: IntelligenceTheme,
): void {
  const { random } = state;
  const item: IntelligenceItem = {
    id: nextId(state, "IN", 8),
    recordId: policeRecordId(state, person),
    recordedOn: isoDate(eventDay(state, person, day, years(10))),
    sourceEvaluation: random.weighted<1 | 2 | 3>([
      [1, 25],
      [2, 60],
      [3, 15],
    ]),
    intelligenceAssessment: random.weighted<"A" | "B" | "C" | "D" | "E">([
      ["A", 10],
      ["B", 40],
      ["C", 35],
      ["D", 12],
      ["E", 3],
    ]),
    handlingCode: random.chance(0.16) ? "C" : "P",
    sanitisedText: random.pick(intelligenceText[theme]),
  };
  state.police.intelligence.push(item);
}

/** A second nominal for someone the force already holds, opened with an event of its own. */
export function addDuplicateNominal(
  state: WorldState,
  person: TruePerson,
  day: number,
  child: boolean,
): void {
  const record = state.records.duplicate(person, "police");
  state.police.notifications.push({
    id: nextId(state, "PN", 8),
    recordId: record.recordId,
    raisedAt: isoDateTime(eventDay(state, person, day), state.random.int(0, 1439)),
    category: child ? "missing_person" : "vulnerable_adult",
    summary: child
      ? "Reported missing; details given on return did not trace to an existing nominal."
      : "Concern for welfare call; details given did not trace to an existing nominal.",
  });
}
