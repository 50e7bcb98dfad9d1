import type { Role } from "@mash/schema/authorization/catalogue";

/**
 * Practitioners to sign in as during development and demos, one per role in the catalogue, so
 * each part of the visibility matrix can be seen from the side of someone who holds it. The ids
 * are stable (audit entries and break-glass grants refer to them); the names are made up.
 */
export interface Persona {
  /** What to type: `npm run token -- <key>`. */
  key: string;
  /** The token's `sub`. */
  id: string;
  displayName: string;
  /** One of the four MASH agencies, or another organisation (the referrer is from education). */
  agency: string;
  roles: readonly Role[];
  description: string;
}

const PERSONA_LIST = [
  {
    key: "social-worker",
    id: "dev-social-worker",
    displayName: "Priya Chaudhry",
    agency: "social-care",
    roles: ["mash-social-worker"],
    description: "MASH social worker: screens contacts, sees social care in full",
  },
  {
    key: "police-officer",
    id: "dev-police-officer",
    displayName: "DC Tom Ashworth",
    agency: "police",
    roles: ["mash-police-officer"],
    description: "MASH police officer: police detail and intelligence grading",
  },
  {
    key: "health-practitioner",
    id: "dev-health-practitioner",
    displayName: "Grace Mensah",
    agency: "health",
    roles: ["mash-health-practitioner"],
    description: "MASH health practitioner: health detail and CP-IS",
  },
  {
    key: "probation-officer",
    id: "dev-probation-officer",
    displayName: "Daniel Kowalczyk",
    agency: "probation",
    roles: ["probation-officer"],
    description: "Probation officer: probation detail and MAPPA risk",
  },
  {
    key: "police-researcher",
    id: "dev-police-researcher",
    displayName: "Sgt Aisha Rahman",
    agency: "police",
    roles: ["mash-police-researcher"],
    description: "Police MASH researcher: matches subjects to nominals and decides matches",
  },
  {
    key: "health-researcher",
    id: "dev-health-researcher",
    displayName: "Owen Pritchard",
    agency: "health",
    roles: ["mash-health-researcher"],
    description: "Health MASH researcher: matches subjects to patients and decides matches",
  },
  {
    key: "probation-researcher",
    id: "dev-probation-researcher",
    displayName: "Chidi Okafor",
    agency: "probation",
    roles: ["mash-probation-researcher"],
    description: "Probation MASH researcher: matches subjects to offenders and decides matches",
  },
  {
    key: "manager",
    id: "dev-mash-manager",
    displayName: "Helen Whitworth",
    agency: "social-care",
    roles: ["mash-manager"],
    description: "MASH manager: oversees enquiries and makes the decision",
  },
  {
    key: "dpo",
    id: "dev-data-protection-officer",
    displayName: "Imran Qureshi",
    agency: "social-care",
    roles: ["data-protection-officer"],
    description: "Data protection officer: audits access, sees no safeguarding content",
  },
  {
    key: "social-care-data-admin",
    id: "dev-social-care-data-admin",
    displayName: "Owen Fairclough",
    agency: "social-care",
    roles: ["social-care-data-administrator"],
    description: "Social care data administrator: loads social care's exports, sees no records",
  },
  {
    key: "police-data-admin",
    id: "dev-police-data-admin",
    displayName: "Sgt Rhiannon Hughes",
    agency: "police",
    roles: ["police-data-administrator"],
    description: "Police data administrator: loads police's exports, sees no records",
  },
  {
    key: "health-data-admin",
    id: "dev-health-data-admin",
    displayName: "Tariq Osei",
    agency: "health",
    roles: ["health-data-administrator"],
    description: "Health data administrator: loads health's exports, sees no records",
  },
  {
    key: "probation-data-admin",
    id: "dev-probation-data-admin",
    displayName: "Jessica Moreno",
    agency: "probation",
    roles: ["probation-data-administrator"],
    description: "Probation data administrator: loads probation's exports, sees no records",
  },
  {
    key: "referrer",
    id: "dev-referrer-teacher",
    displayName: "Emma Lindqvist",
    agency: "education",
    roles: ["professional-referrer"],
    description: "Professional referrer (a teacher): refers concerns, sees no agency records",
  },
] as const satisfies readonly Persona[];

export type PersonaKey = (typeof PERSONA_LIST)[number]["key"];

export const PERSONAS: readonly Persona[] = PERSONA_LIST;

export function findPersona(key: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.key === key);
}
