/**
 * The scope catalogue: the one place that says which scopes exist, what each lets a practitioner
 * see, and which roles hold which scopes. Subgraph SDL declares requirements in these scopes; the
 * gateway turns a token's roles into scopes with `scopesForRoles`; subgraphs do the same to enforce
 * the same requirements themselves. docs/authorization.md is generated from this file.
 *
 * Sensitivity tiers follow the MASH visibility matrix: S0 identity, S1 "known to this agency",
 * S2 case detail and summaries, S3 special category or criminal detail, S4 restricted.
 */

export const AGENCIES = ["social-care", "police", "health", "probation"] as const;
export type Agency = (typeof AGENCIES)[number];

export type Tier = "S0" | "S1" | "S2" | "S3" | "S4" | "access";

export interface ScopeDefinition {
  tier: Tier;
  description: string;
}

type AgencyScope<A extends Agency> =
  | `${A}:known`
  | `${A}:summary`
  | `${A}:detail`
  | `${A}:restricted`;

function agencyScopes<A extends Agency>(
  agency: A,
  label: string,
): Record<AgencyScope<A>, ScopeDefinition> {
  return {
    [`${agency}:known`]: { tier: "S1", description: `Whether ${label} know the person (yes/no).` },
    [`${agency}:summary`]: {
      tier: "S2",
      description: `${label}'s shared summary: counts, dates, current levels; not the records.`,
    },
    [`${agency}:detail`]: { tier: "S3", description: `${label}'s records in full.` },
    [`${agency}:restricted`]: {
      tier: "S4",
      description: `${label}'s most restricted items; only with break-glass.`,
    },
  } as Record<AgencyScope<A>, ScopeDefinition>;
}

export const SCOPES = {
  "identity:read": {
    tier: "S0",
    description: "Names, date of birth, address and identifiers of subjects and agency records.",
  },
  ...agencyScopes("social-care", "Social care"),
  ...agencyScopes("police", "Police"),
  ...agencyScopes("health", "Health"),
  ...agencyScopes("probation", "Probation"),
  "police:intelligence": {
    tier: "S3",
    description:
      "Sanitised police intelligence text (handling code P only; code C stays with police).",
  },
  "police:intelligence-grading": {
    tier: "S3",
    description: "How police intelligence is graded (3x5x2 source evaluation and assessment).",
  },
  "health:cpis": {
    tier: "S2",
    description: "CP-IS flags in full: plan type, dates, responsible local authority, accesses.",
  },
  "health:cpis-known": {
    tier: "S1",
    description: "Whether a child has an active CP-IS flag (yes/no).",
  },
  "probation:risk": {
    tier: "S3",
    description: "MAPPA category and level and risk of serious harm in full, case by case.",
  },
  "probation:risk-known": {
    tier: "S1",
    description: "Whether the person is managed under MAPPA (yes/no).",
  },
  "police:matching": {
    tier: "S1",
    description:
      "Record matching: the nominals that may be a subject, with score, band and reasons.",
  },
  "police:match-decide": {
    tier: "access",
    description:
      "Confirm or reject a proposed match between a nominal and a subject, with a reason.",
  },
  "health:matching": {
    tier: "S1",
    description:
      "Record matching: the patients that may be a subject, with score, band and reasons.",
  },
  "health:match-decide": {
    tier: "access",
    description:
      "Confirm or reject a proposed match between a patient and a subject, with a reason.",
  },
  "probation:matching": {
    tier: "S1",
    description:
      "Record matching: the offenders that may be a subject, with score, band and reasons.",
  },
  "probation:match-decide": {
    tier: "access",
    description:
      "Confirm or reject a proposed match between an offender and a subject, with a reason.",
  },
  "break-glass:declare": {
    tier: "access",
    description: "Declare break-glass access to a subject's restricted items, with a reason.",
  },
  "break-glass:review": {
    tier: "access",
    description: "Review break-glass grants after the event: uphold them or not, with a note.",
  },
  "social-care:disclose": {
    tier: "access",
    description:
      "Record social care's disclosure for an enquiry: what it shares, or why it declines.",
  },
  "police:disclose": {
    tier: "access",
    description:
      "Record the police's disclosure for an enquiry: what it shares, or why it declines.",
  },
  "health:disclose": {
    tier: "access",
    description: "Record health's disclosure for an enquiry: what it shares, or why it declines.",
  },
  "probation:disclose": {
    tier: "access",
    description:
      "Record probation's disclosure for an enquiry: what it shares, or why it declines.",
  },
  "contact:submit": {
    tier: "access",
    description:
      "Submit a contact (a safeguarding concern) to the MASH, and follow one's own contacts' outcomes.",
  },
  "enquiry:read": {
    tier: "S2",
    description:
      "The MASH's enquiries: rating, its history, deadlines, the work queue, the decision and early warnings.",
  },
  "enquiry:screen": {
    tier: "access",
    description:
      "Screen contacts: open an enquiry from a contact and rate it (RAG), with a rationale.",
  },
  // Separate from enquiry:read: joining an enquiry lets the caller declare it as purpose, which
  // opens its people's records to the caller's other scopes. Seeing the queue should not imply it
  // (a read-only role may see the queue without ever joining), and the manager needs neither: they
  // oversee every active enquiry already.
  "enquiry:take-up": {
    tier: "access",
    description:
      "Take up one's agency's check on an active MASH enquiry: join it, so it may be declared as purpose.",
  },
  "enquiry:decide": {
    tier: "access",
    description:
      "Decide a MASH enquiry's outcome, with a rationale and feedback to the referrer; close it.",
  },
  "subjects:changes": {
    tier: "access",
    description:
      "Read the MASH subjects social care created or changed since a cursor: how an agency's linkage learns of subjects.",
  },
  "social-care:import": {
    tier: "access",
    description:
      "Load social care's own records from its system's export (bulk import); sees only the report.",
  },
  "police:import": {
    tier: "access",
    description:
      "Load the police's own records from its system's export (bulk import); sees only the report.",
  },
  "health:import": {
    tier: "access",
    description:
      "Load health's own records from its system's export (bulk import); sees only the report.",
  },
  "probation:import": {
    tier: "access",
    description:
      "Load probation's own records from its system's export (bulk import); sees only the report.",
  },
  "access-log:read-own": {
    tier: "access",
    description: "Read the access log's entries about one's own requests (metadata only).",
  },
  "access-log:read-team": {
    tier: "access",
    description: "Read the access log of the MASH team, and its anomaly reports (metadata only).",
  },
  "access-log:read-all": {
    tier: "access",
    description:
      "Read the whole access log, its anomaly reports and its integrity (metadata only).",
  },
} as const satisfies Record<string, ScopeDefinition>;

export type Scope = keyof typeof SCOPES;

export interface PolicyDefinition {
  description: string;
}

/**
 * `@policy` names. Each is a yes/no about the request (as the Apollo Router's policies are): the
 * gateway decides them before planning, and the subgraphs re-check the record-level part.
 */
export const POLICIES = {
  purpose: {
    description:
      "The request names a MASH enquiry (x-mash-purpose) the caller takes part in. Subgraphs also " +
      "check each record belongs to a subject of that enquiry (the subject or their household).",
  },
  "break-glass": {
    description:
      "The caller holds an active break-glass grant (reason stated, time-limited, reviewed by the " +
      "data protection officer). Subgraphs check the grant covers the record's subject.",
  },
  "agency:social-care": { description: "The caller works for social care (own-agency data)." },
  "agency:police": { description: "The caller works for the police (own-agency data)." },
  "agency:health": { description: "The caller works for health (own-agency data)." },
  "agency:probation": { description: "The caller works for probation (own-agency data)." },
} as const satisfies Record<string, PolicyDefinition>;

export type Policy = keyof typeof POLICIES;

export interface RoleDefinition {
  description: string;
  scopes: readonly Scope[];
}

const KNOWN_TO_ALL: Scope[] = [
  "social-care:known",
  "police:known",
  "health:known",
  "probation:known",
];

export const ROLES = {
  "mash-social-worker": {
    description: "A qualified social worker in the MASH: screens, rates and researches contacts.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "social-care:summary",
      "social-care:detail",
      "social-care:restricted",
      "police:summary",
      "police:intelligence",
      "health:summary",
      "health:cpis",
      "probation:summary",
      "break-glass:declare",
      "social-care:disclose",
      "enquiry:read",
      "enquiry:screen",
      "enquiry:take-up",
      "access-log:read-own",
    ],
  },
  "mash-police-officer": {
    description: "A police officer or researcher seconded to the MASH.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "social-care:summary",
      "police:summary",
      "police:detail",
      "police:intelligence",
      "police:intelligence-grading",
      // Handling-code C intelligence: only the owning force, checked row by row in the police
      // subgraph (this scope and the caller's agency both).
      "police:restricted",
      "health:summary",
      "health:cpis-known",
      "probation:summary",
      "probation:risk",
      "police:disclose",
      "enquiry:read",
      "enquiry:take-up",
      "access-log:read-own",
    ],
  },
  "mash-health-practitioner": {
    description: "A health safeguarding practitioner in the MASH.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "social-care:summary",
      "police:summary",
      "health:summary",
      "health:detail",
      "health:cpis",
      "health:restricted",
      "probation:risk-known",
      "break-glass:declare",
      "health:disclose",
      "enquiry:read",
      "enquiry:take-up",
      "access-log:read-own",
    ],
  },
  "probation-officer": {
    description: "A probation practitioner contributing to MASH checks.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "social-care:summary",
      "police:summary",
      "police:intelligence",
      "health:cpis-known",
      "probation:summary",
      "probation:detail",
      "probation:risk",
      "probation:restricted",
      "break-glass:declare",
      "probation:disclose",
      "enquiry:read",
      "enquiry:take-up",
      "access-log:read-own",
    ],
  },
  "mash-police-researcher": {
    description:
      "The police MASH researcher: finds the subject in police records, decides matches.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "police:matching",
      "police:match-decide",
      "access-log:read-own",
    ],
  },
  "mash-health-researcher": {
    description:
      "The health MASH researcher: finds the subject in health records, decides matches.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "health:matching",
      "health:match-decide",
      "access-log:read-own",
    ],
  },
  "mash-probation-researcher": {
    description:
      "The probation MASH researcher: finds the subject in probation records, decides matches.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "probation:matching",
      "probation:match-decide",
      "access-log:read-own",
    ],
  },
  "mash-manager": {
    description: "The MASH manager: oversees the team's enquiries and makes the decision.",
    scopes: [
      "identity:read",
      ...KNOWN_TO_ALL,
      "social-care:summary",
      "social-care:detail",
      "social-care:restricted",
      "police:summary",
      "police:intelligence",
      "health:summary",
      "health:cpis",
      "probation:summary",
      "break-glass:declare",
      "social-care:disclose",
      "enquiry:read",
      "enquiry:screen",
      "enquiry:decide",
      // Oversight of record matching: reads every agency's candidates, decides none.
      "police:matching",
      "health:matching",
      "probation:matching",
      "access-log:read-own",
      "access-log:read-team",
    ],
  },
  "data-protection-officer": {
    description: "Audits access; sees metadata about access, never the safeguarding content.",
    scopes: ["access-log:read-own", "access-log:read-all", "break-glass:review"],
  },
  "social-care-data-administrator": {
    description:
      "Looks after social care's data in the graph: loads its exports; reads no safeguarding records.",
    scopes: ["social-care:import"],
  },
  "police-data-administrator": {
    description:
      "Looks after the police's data in the graph: loads its exports; reads no safeguarding records.",
    scopes: ["police:import"],
  },
  "health-data-administrator": {
    description:
      "Looks after health's data in the graph: loads its exports; reads no safeguarding records.",
    scopes: ["health:import"],
  },
  "probation-data-administrator": {
    description:
      "Looks after probation's data in the graph: loads its exports; reads no safeguarding records.",
    scopes: ["probation:import"],
  },
  "linkage-service": {
    description:
      "An agency's record linkage (a service, not a person): reads new and changed MASH subjects' identities to link its records.",
    scopes: ["subjects:changes", "identity:read"],
  },
  "professional-referrer": {
    description:
      "A professional outside the MASH (e.g. a teacher) who refers concerns and sees their outcome.",
    scopes: ["contact:submit"],
  },
} as const satisfies Record<string, RoleDefinition>;

export type Role = keyof typeof ROLES;

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function isAgency(value: string): value is Agency {
  return (AGENCIES as readonly string[]).includes(value);
}

/** The scopes a set of roles grants; unknown role names grant nothing (deny by default). */
export function scopesForRoles(roles: readonly string[]): Set<Scope> {
  const scopes = new Set<Scope>();
  for (const role of roles) {
    if (!isRole(role)) continue;
    for (const scope of ROLES[role].scopes) scopes.add(scope);
  }
  return scopes;
}

/** The roles of the MASH team itself (whose access a MASH manager oversees). */
export const MASH_TEAM_ROLES: readonly Role[] = [
  "mash-social-worker",
  "mash-police-officer",
  "mash-health-practitioner",
  "probation-officer",
  "mash-police-researcher",
  "mash-health-researcher",
  "mash-probation-researcher",
  "mash-manager",
];
