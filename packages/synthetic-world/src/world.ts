/**
 * The synthetic world generator: households and their stories, each agency's records of the people in
 * them, a background of people social care does not know, and planted hard cases for record matching.
 *
 * generateWorld is a pure function of (seed, subjects, asOf): every stage draws from one seeded random
 * source, in a fixed order, and nothing reads the clock.
 */

import { RecordBook } from "./agency-records.js";
import { addBackground, addDoppelgangers, addPoliceDuplicates } from "./background.js";
import { dayFromIso } from "./dates.js";
import { addEarlyWarningScenarios } from "./early-warning-scenarios.js";
import { PersonIdentifiers } from "./person-identifiers.js";
import { Places } from "./places.js";
import { Random } from "./random.js";
import { tellStories } from "./stories.js";
import type { TruthLink, World, WorldOptions } from "./types.js";
import type { PersonSlot, WorldState } from "./world-state.js";

export const DEFAULT_AS_OF = "2026-11-01";

export function generateWorld(options: WorldOptions): World {
  const asOfIso = options.asOf ?? DEFAULT_AS_OF;
  if (!Number.isInteger(options.subjects) || options.subjects < 1) {
    throw new RangeError("subjects must be a positive integer");
  }
  const asOf = dayFromIso(asOfIso);
  const random = new Random(options.seed);
  // Separate streams for the fixed scenery, so a world's streets do not depend on how many people it has.
  // About three addresses per subject: homes, earlier homes, placements, non-resident parents.
  const places = new Places(random.fork(), options.subjects * 3);
  const identifiers = new PersonIdentifiers(random.fork());
  const slots: PersonSlot[] = [];
  const state: WorldState = {
    random,
    asOf,
    places,
    identifiers,
    people: [],
    households: [],
    relationships: [],
    slots,
    records: new RecordBook(random.fork(), places, identifiers, asOf, slots),
    socialCare: {
      contacts: [],
      childProtectionPlans: [],
      childInNeedEpisodes: [],
      lookedAfterEpisodes: [],
      earlyHelpEpisodes: [],
      adultSafeguardingConcerns: [],
      allocations: [],
    },
    police: {
      warningMarkers: [],
      notifications: [],
      domesticAbuseIncidents: [],
      offences: [],
      intelligence: [],
    },
    health: {
      registrations: [],
      cpisFlags: [],
      unscheduledCare: [],
      communityContacts: [],
      maternity: [],
      camhs: [],
    },
    probation: { cases: [] },
    subjectsRemaining: options.subjects,
    allocated: new Set(),
    markerKeys: new Set(),
    sequences: {},
  };

  tellStories(state);
  addDoppelgangers(state, options.subjects);
  addBackground(state, options.subjects);
  addPoliceDuplicates(state);
  state.records.finalise();
  // Last, from its own stream: everything above is the same with or without it.
  addEarlyWarningScenarios(state, options.seed);

  return {
    options: { seed: options.seed, subjects: options.subjects, asOf: asOfIso },
    people: state.people,
    households: state.households,
    relationships: state.relationships,
    records: state.records.all,
    socialCare: state.socialCare,
    police: state.police,
    health: state.health,
    probation: state.probation,
  };
}

/**
 * Ground truth for matching: every police, health and probation record whose person social care
 * knows, linked to that person's social care record id (the MASH subject id).
 */
export function truthLinks(world: World): TruthLink[] {
  const subjectByPerson = new Map<string, string>();
  for (const record of world.records.socialCare)
    subjectByPerson.set(record.truePersonId, record.recordId);
  const links: TruthLink[] = [];
  for (const agency of ["police", "health", "probation"] as const) {
    for (const record of world.records[agency]) {
      const subjectId = subjectByPerson.get(record.truePersonId);
      if (subjectId !== undefined) links.push({ agency, recordId: record.recordId, subjectId });
    }
  }
  return links;
}
