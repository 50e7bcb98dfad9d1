/**
 * Probation cases: supervision type, offender manager, MAPPA, risk of serious harm and licence
 * conditions. A case exists only for someone convicted, so callers record the offence first.
 */

import { isoDate } from "./dates.js";
import { currentAddress } from "./people.js";
import type { RecordedOffence } from "./police-events.js";
import { practitionerName } from "./staff.js";
import type {
  LicenceCondition,
  LicenceConditionType,
  ProbationCase,
  RoshLevel,
  SupervisionType,
  TruePerson,
} from "./types.js";
import { nextId, type WorldState } from "./world-state.js";

export type ProbationProfile = "domestic_abuse" | "violence" | "sexual" | "drugs" | "acquisitive";

export interface ProbationCaseSpec {
  /** Sentencing or release date. */
  start: number;
  profile: ProbationProfile;
  /** The conviction the case is for; the case never starts before it. */
  indexOffence: RecordedOffence;
  /** For domestic abuse: the person a no-contact condition protects. */
  victim?: TruePerson;
  /** Whether the person lives with or has regular contact with children. */
  childrenAtRisk?: boolean;
  supervisionType?: SupervisionType;
}

const RANK: Record<RoshLevel, number> = { low: 0, medium: 1, high: 2, very_high: 3 };

function maxLevel(...levels: RoshLevel[]): RoshLevel {
  return levels.reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
}

const conditionText: Record<LicenceConditionType, readonly string[]> = {
  no_contact: [
    "Not to contact or associate with the named person directly or indirectly.",
    "Not to approach or communicate with the named person without prior approval of the supervising officer.",
  ],
  exclusion_zone: [
    "Not to enter the exclusion zone around the named person's home, as shown on the attached map.",
    "Not to enter the area of the city centre marked on the attached map.",
  ],
  residence: [
    "To reside at an address approved by the supervising officer and notify any change in advance.",
  ],
  drug_testing: ["To attend for drug testing as required by the supervising officer."],
  programme: [
    "To complete the Building Better Relationships programme.",
    "To complete the Thinking Skills Programme.",
    "To complete the Horizon programme.",
  ],
  curfew: ["To remain at the approved address between 19:00 and 07:00, electronically monitored."],
  non_association: [
    "Not to associate with any person currently or formerly associated with the named group.",
  ],
};

export function addProbationCase(
  state: WorldState,
  person: TruePerson,
  spec: ProbationCaseSpec,
): ProbationCase {
  const { random } = state;
  const record = state.records.ensure(person, "probation");
  const start = Math.min(Math.max(spec.start, spec.indexOffence.day + 1), state.asOf - 1);
  const type =
    spec.supervisionType ??
    random.weighted<SupervisionType>([
      ["community_order", 40],
      ["suspended_sentence_order", 20],
      ["licence", 32],
      ["post_sentence_supervision", 8],
    ]);
  // Planned end of supervision: it may lie after asOf for a current case.
  const lengthDays =
    type === "community_order"
      ? random.int(365, 3 * 365)
      : type === "suspended_sentence_order"
        ? random.int(365, 2 * 365)
        : type === "post_sentence_supervision"
          ? 365
          : random.int(180, 5 * 365);

  const conditions: LicenceCondition[] = [];
  const condition = (conditionType: LicenceConditionType, protectedPerson?: TruePerson): void => {
    const item: LicenceCondition = {
      id: nextId(state, "LC", 8),
      type: conditionType,
      description: random.pick(conditionText[conditionType]),
    };
    if (protectedPerson !== undefined) {
      // As probation records them: usually the current name, sometimes the name they had then.
      const previous =
        protectedPerson.previousFamilyNames[protectedPerson.previousFamilyNames.length - 1];
      item.protectedPerson = {
        name: {
          givenName: protectedPerson.givenName,
          familyName:
            previous !== undefined && random.chance(0.15) ? previous : protectedPerson.familyName,
        },
        address: currentAddress(protectedPerson).address,
        truePersonId: protectedPerson.id,
      };
    }
    conditions.push(item);
  };

  let rosh: ProbationCase["rosh"];
  let mappa: ProbationCase["mappa"];
  switch (spec.profile) {
    case "domestic_abuse": {
      const knownAdult = random.weighted<RoshLevel>([
        ["medium", 35],
        ["high", 55],
        ["very_high", 10],
      ]);
      rosh = {
        overall: "low",
        children: spec.childrenAtRisk ? random.pick<RoshLevel>(["medium", "high"]) : "low",
        public: random.pick<RoshLevel>(["low", "medium"]),
        knownAdult,
        staff: random.pick<RoshLevel>(["low", "medium"]),
      };
      if (spec.victim !== undefined) {
        condition("no_contact", spec.victim);
        if (random.chance(0.5)) condition("exclusion_zone", spec.victim);
      }
      condition("programme");
      if (type === "licence" && random.chance(0.3))
        mappa = { category: 2, level: random.chance(0.8) ? 1 : 2 };
      break;
    }
    case "sexual":
      rosh = {
        overall: "low",
        children: random.pick<RoshLevel>(["medium", "high", "very_high"]),
        public: random.pick<RoshLevel>(["low", "medium"]),
        knownAdult: random.pick<RoshLevel>(["low", "medium"]),
        staff: "low",
      };
      // Registered sexual offenders are MAPPA category 1, most managed at level 1.
      mappa = {
        category: 1,
        level: random.weighted<1 | 2 | 3>([
          [1, 80],
          [2, 17],
          [3, 3],
        ]),
      };
      condition("no_contact");
      condition("exclusion_zone");
      condition("programme");
      break;
    case "violence":
      rosh = {
        overall: "low",
        children: spec.childrenAtRisk ? "medium" : "low",
        public: random.pick<RoshLevel>(["medium", "high"]),
        knownAdult: random.pick<RoshLevel>(["low", "medium", "high"]),
        staff: random.pick<RoshLevel>(["low", "medium"]),
      };
      if (type === "licence" && random.chance(0.35))
        mappa = { category: 2, level: random.chance(0.85) ? 1 : 2 };
      if (random.chance(0.4)) condition("non_association");
      if (random.chance(0.3)) condition("curfew");
      break;
    case "drugs":
      rosh = {
        overall: "low",
        children: spec.childrenAtRisk ? "medium" : "low",
        public: random.pick<RoshLevel>(["low", "medium"]),
        knownAdult: "low",
        staff: "low",
      };
      condition("drug_testing");
      if (random.chance(0.4)) condition("non_association");
      break;
    case "acquisitive":
      rosh = {
        overall: "low",
        children: "low",
        public: random.pick<RoshLevel>(["low", "medium"]),
        knownAdult: "low",
        staff: "low",
      };
      if (random.chance(0.3)) condition("drug_testing");
      break;
  }
  rosh.overall = maxLevel(rosh.children, rosh.public, rosh.knownAdult, rosh.staff);
  if (type === "licence" || type === "post_sentence_supervision") condition("residence");

  const probationCase: ProbationCase = {
    id: nextId(state, "PC", 8),
    recordId: record.recordId,
    supervisionType: type,
    offenderManager: practitionerName(random),
    startDate: isoDate(start),
    endDate: isoDate(start + lengthDays),
    indexOffence: spec.indexOffence.description,
    rosh,
    licenceConditions: conditions,
  };
  if (mappa !== undefined) probationCase.mappa = mappa;
  state.probation.cases.push(probationCase);
  return probationCase;
}
