/**
 * Social care's history of a subject: contacts with the MASH decision, child protection plans,
 * child-in-need, looked-after and early help episodes, adult safeguarding concerns and allocations.
 * Summaries are short, templated and about no one in particular.
 */

import { isoDate, isoDateTime } from "./dates.js";
import { adultTeams, childrensTeams, practitionerName } from "./staff.js";
import type {
  Address,
  AdultConcernOutcome,
  CareActCategory,
  CinPrimaryNeed,
  ConcernCategory,
  ConsentStatus,
  ContactOutcome,
  CpCategory,
  LegalStatus,
  PlacementType,
  ReferrerType,
  SocialCareContact,
  TruePerson,
} from "./types.js";
import { eventDay, nextId, type WorldState } from "./world-state.js";

const summaries: Record<ConcernCategory, readonly string[]> = {
  neglect: [
    "Child arriving at school hungry and in unwashed clothing; attendance below 80% this term.",
    "Health visitor reports home conditions poor, no safe sleeping space for the baby.",
    "Child has untreated dental decay and missed three hospital appointments.",
    "Neighbour reports children left alone in the property in the evenings.",
  ],
  physical_abuse: [
    "Bruising to the child's upper arm noticed at school; child said an adult grabbed them.",
    "Child attended the emergency department with an injury the explanation does not fit.",
    "Child disclosed to a teacher being hit with a belt at home.",
  ],
  emotional_abuse: [
    "Child presents as withdrawn and anxious; reports being shouted at and belittled at home.",
    "School concerned about persistent negative comments made by a parent at collection.",
  ],
  sexual_abuse: [
    "Child made a disclosure to a school staff member about an adult in the household.",
    "Concern about sexualised behaviour reported by the nursery.",
  ],
  domestic_abuse: [
    "Police notification: domestic incident at the home address, children present.",
    "Parent disclosed to the GP controlling behaviour and threats from a partner.",
    "Repeat domestic incident; ex-partner attended the address in breach of bail conditions.",
  ],
  child_sexual_exploitation: [
    "Young person seen getting into cars with older males; new phone and clothing unexplained.",
    "Young person found with an adult not known to the family after being reported missing.",
  ],
  child_criminal_exploitation: [
    "Young person arrested out of area with cash and multiple phones; county lines concern.",
    "School reports young person associating with older peers linked to drug supply.",
  ],
  parental_mental_health: [
    "Parent admitted to hospital following a mental health crisis; care of the children unclear.",
    "GP concerned about a parent's deteriorating mental health and the impact on a young child.",
  ],
  parental_substance_misuse: [
    "Parent under the influence of alcohol at school collection on several occasions.",
    "Drug paraphernalia seen in the home during a police visit; young children present.",
  ],
  missing_from_home: [
    "Young person reported missing overnight, returned with no explanation of whereabouts.",
    "Third missing episode this month; return home interview declined.",
  ],
  self_harm: [
    "Young person attended the emergency department after an overdose of paracetamol.",
    "School reports marks on the young person's arms consistent with self-harm.",
  ],
  self_neglect: [
    "Neighbour concerned: adult not seen for days, post piling up, property in disrepair.",
    "Ambulance crew report hoarding and no heating; adult declining support.",
  ],
  financial_abuse: [
    "Bank reports unusual withdrawals from an older adult's account by a relative.",
    "Care worker concerned a family member is taking the adult's pension.",
  ],
};

export interface ContactSpec {
  day: number;
  referrer: ReferrerType;
  concern: ConcernCategory;
  outcome: ContactOutcome;
  consent?: ConsentStatus;
}

const HIGH_RISK_CONCERNS: ReadonlySet<ConcernCategory> = new Set([
  "physical_abuse",
  "sexual_abuse",
  "domestic_abuse",
  "child_sexual_exploitation",
  "child_criminal_exploitation",
]);

function subjectId(state: WorldState, person: TruePerson): string | undefined {
  return state.records.get(person, "socialCare")?.recordId;
}

export function addContact(
  state: WorldState,
  person: TruePerson,
  spec: ContactSpec,
): SocialCareContact | undefined {
  const recordId = subjectId(state, person);
  if (recordId === undefined) return undefined;
  const { random } = state;
  const day = Math.min(eventDay(state, person, spec.day), state.asOf - 2);
  // Police notifications arrive at any hour; professionals refer during the working day.
  const received = spec.referrer === "police" ? random.int(0, 1439) : random.int(8 * 60, 18 * 60);
  const urgent = spec.outcome === "strategy_discussion" || spec.outcome === "police_action";
  const decided = received + (urgent ? random.int(30, 240) : random.int(60, 1320));
  let consent = spec.consent;
  if (consent === undefined) {
    if (HIGH_RISK_CONCERNS.has(spec.concern) && random.chance(0.8)) consent = "not_sought";
    else
      consent = random.weighted<ConsentStatus>([
        ["given", 75],
        ["refused", 10],
        ["not_sought", 15],
      ]);
  }
  const contact: SocialCareContact = {
    id: nextId(state, "CT", 8),
    recordId,
    receivedAt: isoDateTime(day, received),
    referrerType: spec.referrer,
    concern: spec.concern,
    summary: random.pick(summaries[spec.concern]),
    consent,
    outcome: spec.outcome,
    decidedAt: isoDateTime(day + Math.floor(decided / 1440), decided % 1440),
  };
  if (consent === "refused") {
    contact.consentReason =
      "Parent declined consent to agency checks; proceeding was not justified without it.";
    if (HIGH_RISK_CONCERNS.has(spec.concern)) {
      contact.consentReason =
        "Parent refused consent; checks completed without consent given the risk of significant harm.";
    }
  } else if (consent === "not_sought") {
    contact.consentReason = HIGH_RISK_CONCERNS.has(spec.concern)
      ? "Seeking consent could place the child at increased risk of significant harm."
      : "Referrer had not discussed the referral with the family; consent not sought before screening.";
  }
  state.socialCare.contacts.push(contact);
  return contact;
}

export function addChildProtectionPlan(
  state: WorldState,
  child: TruePerson,
  spec: { start: number; end?: number; category: CpCategory; unborn?: boolean },
): void {
  const recordId = subjectId(state, child);
  if (recordId === undefined) return;
  state.socialCare.childProtectionPlans.push({
    id: nextId(state, "CPP", 7),
    recordId,
    category: spec.category,
    startDate: isoDate(spec.start),
    ...(spec.end === undefined ? {} : { endDate: isoDate(spec.end) }),
    unborn: spec.unborn ?? false,
  });
}

export function addChildInNeed(
  state: WorldState,
  child: TruePerson,
  spec: { start: number; end?: number; need: CinPrimaryNeed },
): void {
  const recordId = subjectId(state, child);
  if (recordId === undefined) return;
  state.socialCare.childInNeedEpisodes.push({
    id: nextId(state, "CIN", 7),
    recordId,
    startDate: isoDate(spec.start),
    ...(spec.end === undefined ? {} : { endDate: isoDate(spec.end) }),
    primaryNeed: spec.need,
  });
}

export function addLookedAfter(
  state: WorldState,
  child: TruePerson,
  spec: {
    start: number;
    end?: number;
    legalStatus: LegalStatus;
    placementType: PlacementType;
    placementAddress: Address;
  },
): void {
  const recordId = subjectId(state, child);
  if (recordId === undefined) return;
  state.socialCare.lookedAfterEpisodes.push({
    id: nextId(state, "LAC", 7),
    recordId,
    startDate: isoDate(spec.start),
    ...(spec.end === undefined ? {} : { endDate: isoDate(spec.end) }),
    legalStatus: spec.legalStatus,
    placementType: spec.placementType,
    placementAddress: spec.placementAddress,
  });
}

const earlyHelpFocus: readonly string[] = [
  "Parenting support and school attendance",
  "Routines, boundaries and behaviour at home",
  "Housing and debt advice alongside parenting support",
  "Support after separation; children's emotional wellbeing",
  "Young carer support",
  "Early years development and health visiting follow-up",
];

export function addEarlyHelp(
  state: WorldState,
  person: TruePerson,
  spec: { start: number; end?: number },
): void {
  const recordId = subjectId(state, person);
  if (recordId === undefined) return;
  const { random } = state;
  state.socialCare.earlyHelpEpisodes.push({
    id: nextId(state, "EH", 8),
    recordId,
    startDate: isoDate(spec.start),
    ...(spec.end === undefined ? {} : { endDate: isoDate(spec.end) }),
    leadProfessional: random.pick([
      "school",
      "family_support_worker",
      "health_visitor",
      "children_centre",
      "school_nurse",
    ]),
    focus: random.pick(earlyHelpFocus),
  });
}

export function addAdultConcern(
  state: WorldState,
  adult: TruePerson,
  spec: { day: number; category: CareActCategory; s42: boolean; outcome: AdultConcernOutcome },
): void {
  const recordId = subjectId(state, adult);
  if (recordId === undefined) return;
  state.socialCare.adultSafeguardingConcerns.push({
    id: nextId(state, "ASC", 7),
    recordId,
    raisedAt: isoDateTime(eventDay(state, adult, spec.day), state.random.int(8 * 60, 18 * 60)),
    category: spec.category,
    s42Enquiry: spec.s42,
    outcome: spec.outcome,
  });
}

/** Open cases are allocated to a named worker; `since` is when the open episode began. */
export function allocate(
  state: WorldState,
  person: TruePerson,
  since: number,
  adult = false,
): void {
  const recordId = subjectId(state, person);
  if (recordId === undefined) return;
  if (state.allocated.has(recordId)) return;
  state.allocated.add(recordId);
  state.socialCare.allocations.push({
    recordId,
    workerName: practitionerName(state.random),
    team: state.random.pick(adult ? adultTeams : childrensTeams),
    since: isoDate(since),
  });
}
