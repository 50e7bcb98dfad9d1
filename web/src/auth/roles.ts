import type { SessionUser } from "./session-user.js";

/** The MASH agencies as the graph's `Agency` enum names them. */
export type AgencyName = "SOCIAL_CARE" | "POLICE" | "HEALTH" | "PROBATION";

/** What a practitioner does in the MASH, which decides their home page and actions. */
export type Job =
  | "referrer"
  | "social-worker"
  | "agency-practitioner"
  | "manager"
  | "researcher"
  | "dpo"
  | "other";

const AGENCY_PRACTITIONERS: Record<string, AgencyName> = {
  "mash-police-officer": "POLICE",
  "mash-health-practitioner": "HEALTH",
  "probation-officer": "PROBATION",
};

const RESEARCHERS: Record<string, Exclude<AgencyName, "SOCIAL_CARE">> = {
  "mash-police-researcher": "POLICE",
  "mash-health-researcher": "HEALTH",
  "mash-probation-researcher": "PROBATION",
};

export function jobOf(user: SessionUser): Job {
  const roles = new Set(user.roles);
  if (roles.has("mash-manager")) return "manager";
  if (roles.has("mash-social-worker")) return "social-worker";
  if (user.roles.some((role) => role in AGENCY_PRACTITIONERS)) return "agency-practitioner";
  if (user.roles.some((role) => role in RESEARCHERS)) return "researcher";
  if (roles.has("data-protection-officer")) return "dpo";
  if (roles.has("professional-referrer")) return "referrer";
  return "other";
}

/** The agency whose checks this practitioner answers (social care for the social worker). */
export function checkAgencyOf(user: SessionUser): AgencyName | undefined {
  if (user.roles.includes("mash-social-worker")) return "SOCIAL_CARE";
  for (const role of user.roles) if (AGENCY_PRACTITIONERS[role]) return AGENCY_PRACTITIONERS[role];
  return undefined;
}

/** The agency whose record matches this researcher decides. */
export function researchAgencyOf(user: SessionUser) {
  for (const role of user.roles) if (RESEARCHERS[role]) return RESEARCHERS[role];
  return undefined;
}
