/**
 * The synthetic world: ground truth about people, households and what happened to them, and what each
 * agency recorded of it. Every name, address and identifier is generated; none is real personal data.
 *
 * The world is a function of (seed, size, asOf): the same inputs always give the same world, so tests
 * can regenerate the ground truth instead of storing it. Agency seeds (`subgraphs/<agency>/src/seed.ts`)
 * each take their own slice: an agency only ever stores its `records` and `events`, never `people`.
 */

export type AgencyName = "socialCare" | "police" | "health" | "probation";

export type Sex = "female" | "male";
/** Gender as an agency records it. */
export type Gender = "female" | "male" | "non_binary" | "not_known";

export interface Address {
  /** e.g. "Flat 3" — optional sub-building. */
  line2?: string;
  /** e.g. "14 Elm Grove". */
  line1: string;
  town: string;
  /** A well-formed UK postcode, e.g. "LS6 2AB". */
  postcode: string;
  /** Synthetic 12-digit Unique Property Reference Number. */
  uprn: string;
}

export interface AddressSpell {
  address: Address;
  from: string;
  to?: string;
}

/** A person as they really are. Never stored by any agency; kept for tests (matching quality). */
export interface TruePerson {
  /** Ground-truth id, "TP0000001". */
  id: string;
  givenName: string;
  middleNames: string[];
  familyName: string;
  /** Earlier surnames (marriage, adoption, deed poll), oldest first. */
  previousFamilyNames: string[];
  sex: Sex;
  gender: Gender;
  /** ISO date (YYYY-MM-DD). */
  dateOfBirth: string;
  /** Valid NHS number (Modulus 11), 10 digits, no spaces. Everyone has one. */
  nhsNumber: string;
  /** Long form YYYY/NNNNNNNC, present if ever arrested. */
  pncId?: string;
  /** NNNNNN/YYC, present for some people with a PNC record. */
  croNumber?: string;
  /** nDelius case reference number, present if ever supervised by probation. */
  crn?: string;
  /** Unique pupil number, for school-age children. */
  upn?: string;
  /** Oldest first; the last spell is the current address. */
  addressHistory: AddressSpell[];
  householdId: string;
  /** The other twin's person id, if a twin. */
  twinOfId?: string;
}

export interface Household {
  id: string;
  address: Address;
  memberIds: string[];
}

export type RelationshipType =
  | "parent"
  | "step_parent"
  | "partner"
  | "ex_partner"
  | "sibling"
  | "half_sibling"
  | "grandparent"
  | "other_relative"
  | "lodger";

/** `from` is the `type` of `to` (from is parent of to). Symmetric types are listed in both directions. */
export interface Relationship {
  fromId: string;
  toId: string;
  type: RelationshipType;
  livesTogether: boolean;
}

/** Why an agency's record of a person differs from the truth. */
export type NoiseKind =
  | "nickname"
  | "spelling_variant"
  | "transliteration"
  | "typo_given_name"
  | "typo_family_name"
  | "previous_family_name"
  | "hyphenated_family_name_part"
  | "dob_day_month_swapped"
  | "dob_year_slip"
  | "dob_day_slip"
  | "old_address"
  | "postcode_typo"
  | "missing_identifier";

export interface PersonName {
  givenName: string;
  familyName: string;
}

/** What one agency holds about one person: its own id, its own (possibly noisy) version of them. */
export interface AgencyPersonRecord {
  agency: AgencyName;
  /**
   * The agency's own id. Formats: social care a UUID (this is the MASH subject id); police "NOM" + 7
   * digits; health "PT" + 8 digits; probation the CRN (one letter, six digits).
   */
  recordId: string;
  /** Ground truth, for tests only: agencies never store it. */
  truePersonId: string;
  givenName: string;
  middleNames: string[];
  familyName: string;
  aliases: PersonName[];
  sex: Sex;
  gender: Gender;
  dateOfBirth: string;
  address: Address;
  nhsNumber?: string;
  pncId?: string;
  croNumber?: string;
  crn?: string;
  upn?: string;
  /** Empty for a clean record. */
  noise: NoiseKind[];
}

// ---------------------------------------------------------------------------------------------
// Social care
// ---------------------------------------------------------------------------------------------

export type ReferrerType =
  | "school"
  | "police"
  | "health_visitor"
  | "gp"
  | "hospital"
  | "early_years"
  | "housing"
  | "probation"
  | "family_member"
  | "member_of_public"
  | "anonymous"
  | "self";

export type ConcernCategory =
  | "neglect"
  | "physical_abuse"
  | "emotional_abuse"
  | "sexual_abuse"
  | "domestic_abuse"
  | "child_sexual_exploitation"
  | "child_criminal_exploitation"
  | "parental_mental_health"
  | "parental_substance_misuse"
  | "missing_from_home"
  | "self_harm"
  | "self_neglect"
  | "financial_abuse";

export type ContactOutcome =
  | "no_further_action"
  | "information_and_advice"
  | "early_help"
  | "child_in_need_assessment"
  | "strategy_discussion"
  | "police_action"
  | "adult_s42_enquiry"
  | "forwarded_to_allocated_worker";

export type ConsentStatus = "given" | "refused" | "not_sought";

export interface SocialCareContact {
  id: string;
  recordId: string;
  /** ISO date-time. */
  receivedAt: string;
  referrerType: ReferrerType;
  concern: ConcernCategory;
  /** Short practitioner-style text, synthetic. */
  summary: string;
  consent: ConsentStatus;
  /** Present when consent was refused or not sought. */
  consentReason?: string;
  outcome: ContactOutcome;
  /** ISO date-time. */
  decidedAt: string;
}

export type CpCategory =
  | "neglect"
  | "physical_abuse"
  | "emotional_abuse"
  | "sexual_abuse"
  | "multiple";

export interface ChildProtectionPlan {
  id: string;
  recordId: string;
  category: CpCategory;
  startDate: string;
  endDate?: string;
  /** Plan made before birth (recordId is then the child once born). */
  unborn: boolean;
}

/** Children in need census primary need codes N1..N9. */
export type CinPrimaryNeed = "N1" | "N2" | "N3" | "N4" | "N5" | "N6" | "N7" | "N8" | "N9";

export interface ChildInNeedEpisode {
  id: string;
  recordId: string;
  startDate: string;
  endDate?: string;
  primaryNeed: CinPrimaryNeed;
}

/** SSDA903 legal status codes. */
export type LegalStatus = "C1" | "C2" | "E1" | "J1" | "J2" | "L1" | "L2" | "V2" | "V3";
export type PlacementType =
  | "foster"
  | "kinship"
  | "residential"
  | "placed_with_parents"
  | "independent_living";

export interface LookedAfterEpisode {
  id: string;
  recordId: string;
  startDate: string;
  endDate?: string;
  legalStatus: LegalStatus;
  placementType: PlacementType;
  /** Highly restricted. */
  placementAddress: Address;
}

export interface EarlyHelpEpisode {
  id: string;
  recordId: string;
  startDate: string;
  endDate?: string;
  /** e.g. "school", "family_support_worker", "health_visitor". */
  leadProfessional: string;
  focus: string;
}

/** Care Act 2014 categories of abuse. */
export type CareActCategory =
  | "physical"
  | "domestic"
  | "sexual"
  | "psychological"
  | "financial"
  | "modern_slavery"
  | "discriminatory"
  | "organisational"
  | "neglect"
  | "self_neglect";

export type AdultConcernOutcome =
  | "risk_removed"
  | "risk_reduced"
  | "risk_remains"
  | "no_further_action"
  | "ongoing";

export interface AdultSafeguardingConcern {
  id: string;
  recordId: string;
  raisedAt: string;
  category: CareActCategory;
  s42Enquiry: boolean;
  outcome: AdultConcernOutcome;
}

/** An open case allocated to a named (synthetic) worker. */
export interface Allocation {
  recordId: string;
  workerName: string;
  team: string;
  since: string;
}

// ---------------------------------------------------------------------------------------------
// Police
// ---------------------------------------------------------------------------------------------

/** PNC warning signals. */
export type WarningMarkerCode =
  | "AT"
  | "CO"
  | "DR"
  | "ES"
  | "EX"
  | "FI"
  | "IM"
  | "MH"
  | "SH"
  | "SU"
  | "VI"
  | "WE";

export interface WarningMarker {
  recordId: string;
  code: WarningMarkerCode;
  addedOn: string;
}

export type NotificationCategory =
  | "child_at_risk"
  | "domestic_abuse_child_present"
  | "missing_person"
  | "vulnerable_adult"
  | "child_exploitation";

export interface PoliceNotification {
  id: string;
  recordId: string;
  raisedAt: string;
  category: NotificationCategory;
  summary: string;
}

export type DashRisk = "standard" | "medium" | "high";
export type IncidentRole = "victim" | "perpetrator" | "child_present";

export interface DomesticAbuseIncident {
  id: string;
  occurredAt: string;
  dashRisk: DashRisk;
  maracReferral: boolean;
  involved: { recordId: string; role: IncidentRole }[];
  summary: string;
}

export type OffenceCategory =
  | "violence_against_the_person"
  | "sexual_offences"
  | "robbery"
  | "theft"
  | "criminal_damage"
  | "drug_offences"
  | "possession_of_weapons"
  | "public_order"
  | "fraud";

export type ArrestOutcome =
  | "charged"
  | "cautioned"
  | "community_resolution"
  | "released_under_investigation"
  | "bailed"
  | "no_further_action";

export interface Offence {
  id: string;
  recordId: string;
  committedOn: string;
  category: OffenceCategory;
  description: string;
  arrest?: { arrestedOn: string; outcome: ArrestOutcome };
}

/** 3x5x2 grading. */
export interface IntelligenceItem {
  id: string;
  recordId: string;
  recordedOn: string;
  /** 1 reliable, 2 untested, 3 not reliable. */
  sourceEvaluation: 1 | 2 | 3;
  /** A known directly … E suspected false. */
  intelligenceAssessment: "A" | "B" | "C" | "D" | "E";
  /** P lawful sharing permitted, C sharing with conditions. */
  handlingCode: "P" | "C";
  sanitisedText: string;
}

// ---------------------------------------------------------------------------------------------
// Health
// ---------------------------------------------------------------------------------------------

export interface GpRegistration {
  recordId: string;
  /** ODS code, a letter and five digits. */
  practiceCode: string;
  practiceName: string;
  registeredOn: string;
}

export type CpisPlanType =
  | "child_protection_plan"
  | "looked_after"
  | "unborn_child_protection_plan";

export interface LocalAuthorityContact {
  name: string;
  /** ONS-style code, e.g. "E08000035". */
  code: string;
  /** Ofcom drama-range numbers only. */
  officeHoursPhone: string;
  outOfHoursPhone: string;
}

/** Child Protection - Information Sharing flag; keyed by NHS number. */
export interface CpisFlag {
  id: string;
  recordId: string;
  nhsNumber: string;
  planType: CpisPlanType;
  startDate: string;
  endDate?: string;
  localAuthority: LocalAuthorityContact;
}

export type UnscheduledCareSetting =
  | "emergency_department"
  | "minor_injury_unit"
  | "walk_in_centre"
  | "gp_out_of_hours"
  | "nhs_111"
  | "ambulance";

export interface UnscheduledCareAttendance {
  id: string;
  recordId: string;
  attendedAt: string;
  setting: UnscheduledCareSetting;
  presentingComplaint: string;
}

export interface CommunityHealthContact {
  id: string;
  recordId: string;
  contactDate: string;
  service: "health_visiting" | "school_nursing";
  summary: string;
}

export interface MaternityEpisode {
  id: string;
  /** The mother. */
  recordId: string;
  bookingDate: string;
  expectedDeliveryDate: string;
  concerns: string[];
}

export interface CamhsInvolvement {
  id: string;
  recordId: string;
  referredOn: string;
  status: "open" | "closed";
  closedOn?: string;
  /** The most restricted health text. */
  clinicalNotes: string;
}

// ---------------------------------------------------------------------------------------------
// Probation
// ---------------------------------------------------------------------------------------------

export type SupervisionType =
  | "licence"
  | "post_sentence_supervision"
  | "community_order"
  | "suspended_sentence_order";

export type RoshLevel = "low" | "medium" | "high" | "very_high";

export type LicenceConditionType =
  | "no_contact"
  | "exclusion_zone"
  | "residence"
  | "drug_testing"
  | "programme"
  | "curfew"
  | "non_association";

export interface LicenceCondition {
  id: string;
  type: LicenceConditionType;
  description: string;
  /** For no-contact / exclusion conditions: the person protected, as probation records them. */
  protectedPerson?: { name: PersonName; address: Address; truePersonId: string };
}

export interface ProbationCase {
  id: string;
  /** The CRN of the person supervised. */
  recordId: string;
  supervisionType: SupervisionType;
  offenderManager: string;
  startDate: string;
  endDate: string;
  indexOffence: string;
  mappa?: { category: 1 | 2 | 3; level: 1 | 2 | 3 };
  rosh: {
    overall: RoshLevel;
    children: RoshLevel;
    public: RoshLevel;
    knownAdult: RoshLevel;
    staff: RoshLevel;
  };
  licenceConditions: LicenceCondition[];
}

// ---------------------------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------------------------

export interface WorldOptions {
  /** Any 32-bit integer. */
  seed: number;
  /** Number of MASH subjects = social care person records. */
  subjects: number;
  /** The world's "today" (ISO date); events happen before it. Default "2026-11-01". */
  asOf?: string;
}

export interface World {
  options: Required<WorldOptions>;
  people: TruePerson[];
  households: Household[];
  relationships: Relationship[];
  /** Every agency's person records, including people not known to social care. */
  records: Record<AgencyName, AgencyPersonRecord[]>;
  socialCare: {
    contacts: SocialCareContact[];
    childProtectionPlans: ChildProtectionPlan[];
    childInNeedEpisodes: ChildInNeedEpisode[];
    lookedAfterEpisodes: LookedAfterEpisode[];
    earlyHelpEpisodes: EarlyHelpEpisode[];
    adultSafeguardingConcerns: AdultSafeguardingConcern[];
    allocations: Allocation[];
  };
  police: {
    warningMarkers: WarningMarker[];
    notifications: PoliceNotification[];
    domesticAbuseIncidents: DomesticAbuseIncident[];
    offences: Offence[];
    intelligence: IntelligenceItem[];
  };
  health: {
    registrations: GpRegistration[];
    cpisFlags: CpisFlag[];
    unscheduledCare: UnscheduledCareAttendance[];
    communityContacts: CommunityHealthContact[];
    maternity: MaternityEpisode[];
    camhs: CamhsInvolvement[];
  };
  probation: {
    cases: ProbationCase[];
  };
}

/** Ground truth for one agency record: which MASH subject (social care record) it is, if any. */
export interface TruthLink {
  agency: Exclude<AgencyName, "socialCare">;
  recordId: string;
  subjectId: string;
}
