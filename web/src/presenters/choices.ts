import type {
  ConcernCategory,
  ConsentDecision,
  DisclosureDecision,
  EnquiryOutcome,
  EnquiryRating,
  LawfulBasis,
  ReferrerType,
} from "../__generated__/operations.js";

// The words for each of the graph's enum values that a form offers. Typed by the generated enums,
// so a value added to the schema fails the typecheck until it has words here.

export const CONCERNS: Record<ConcernCategory, string> = {
  NEGLECT: "Neglect",
  PHYSICAL_ABUSE: "Physical abuse",
  EMOTIONAL_ABUSE: "Emotional abuse",
  SEXUAL_ABUSE: "Sexual abuse",
  DOMESTIC_ABUSE: "Domestic abuse",
  CHILD_SEXUAL_EXPLOITATION: "Child sexual exploitation",
  CHILD_CRIMINAL_EXPLOITATION: "Child criminal exploitation",
  PARENTAL_MENTAL_HEALTH: "Parental mental health",
  PARENTAL_SUBSTANCE_MISUSE: "Parental substance misuse",
  MISSING_FROM_HOME: "Missing from home",
  SELF_HARM: "Self-harm",
  SELF_NEGLECT: "Self-neglect",
  FINANCIAL_ABUSE: "Financial abuse",
};

export const REFERRER_TYPES: Record<ReferrerType, string> = {
  SCHOOL: "School",
  POLICE: "Police",
  HEALTH_VISITOR: "Health visitor",
  GP: "GP",
  HOSPITAL: "Hospital",
  EARLY_YEARS: "Early years",
  HOUSING: "Housing",
  PROBATION: "Probation",
  FAMILY_MEMBER: "Family member",
  MEMBER_OF_PUBLIC: "Member of the public",
  ANONYMOUS: "Anonymous",
  SELF: "Self-referral",
};

export const CONSENT: Record<ConsentDecision, string> = {
  GIVEN: "The family agreed to the referral",
  NOT_SOUGHT: "Consent was not sought",
  REFUSED_OVERRIDDEN: "The family refused, and I am referring anyway",
};

export const OUTCOMES: Record<EnquiryOutcome, string> = {
  NO_FURTHER_ACTION: "No further action",
  ADVICE: "Information and advice",
  EARLY_HELP: "Early help",
  CHILD_IN_NEED_ASSESSMENT_S17: "Child in need assessment (section 17)",
  STRATEGY_DISCUSSION_S47: "Strategy discussion and section 47 enquiry",
  POLICE_ACTION: "Police action",
  ADULT_S42_ENQUIRY: "Adult safeguarding enquiry (section 42)",
  FORWARD_TO_ALLOCATED_WORKER: "Forward to the allocated worker",
};

export const RATINGS: Record<EnquiryRating, string> = {
  RED: "Red: information within hours",
  AMBER: "Amber",
  GREEN: "Green",
  BLUE: "Blue: no MASH response",
};

export const DISCLOSURE_DECISIONS: Record<DisclosureDecision, string> = {
  SHARED: "Share information",
  NOTHING_KNOWN: "Nothing known",
  DECLINED: "Decline to share",
};

export const LAWFUL_BASES: Record<LawfulBasis, string> = {
  UK_GDPR_ART_6_1_C_LEGAL_OBLIGATION: "UK GDPR Article 6(1)(c): legal obligation",
  UK_GDPR_ART_6_1_E_PUBLIC_TASK: "UK GDPR Article 6(1)(e): public task",
  UK_GDPR_ART_9_2_G_SUBSTANTIAL_PUBLIC_INTEREST:
    "UK GDPR Article 9(2)(g): substantial public interest",
  UK_GDPR_ART_9_2_H_HEALTH_AND_SOCIAL_CARE: "UK GDPR Article 9(2)(h): health and social care",
  DPA_2018_SCH_1_PARA_18_SAFEGUARDING: "DPA 2018 Schedule 1 paragraph 18: safeguarding",
  DPA_2018_SCH_1_PARA_10_CRIME: "DPA 2018 Schedule 1 paragraph 10: preventing crime",
};

/** GOV.UK radios/checkboxes items from one of the tables above. */
export function items(
  table: Record<string, string>,
  selected: string | readonly string[] | undefined,
): { value: string; text: string; checked: boolean; selected: boolean }[] {
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  return Object.entries(table).map(([value, text]) => ({
    value,
    text,
    checked: chosen.has(value),
    selected: chosen.has(value),
  }));
}

/** Form values that may be one string or several (checkboxes). */
export function many(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null || value === "" ? [] : [String(value)];
}
