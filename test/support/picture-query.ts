/**
 * The 50-subject case picture with every agency's section in full: what the statement-count test
 * asserts on and what `npm run bench` measures. Each agency's part lists how many tables it reads,
 * so the test can hold each subgraph to one statement per table.
 */
/** Each agency's part of the picture: its section of the subject, in full. */
export const SECTION_SELECTIONS = {
  "social-care": `socialCare {
        known
        summary { contactCount onChildProtectionPlan lookedAfter childInNeed }
        openCase { workerName team }
        contacts { id receivedAt concern outcome }
        childProtectionPlans { id category startDate endDate }
        childInNeedEpisodes { id primaryNeed }
        lookedAfterEpisodes { id legalStatus placementType }
        earlyHelpEpisodes { id focus }
        adultSafeguardingConcerns { id category s42Enquiry }
      }`,
  police: `police {
        known
        summary { domesticAbuseIncidentCount latestDashRisk everReferredToMarac offenceCount }
        nominals { id pncId name { familyName } }
        warningMarkers { code }
        notifications { id category }
        domesticAbuseIncidents { id occurredAt role dashRisk }
        offences { id category arrest { outcome } }
        intelligence { id handlingCode sanitisedText }
      }`,
  health: `health {
        known
        summary { activeCpisFlag unscheduledCareAttendancesInLast12Months openCamhsInvolvement }
        patients { id nhsNumber }
        gpRegistrations { practice { name } }
        cpisFlags { planType startDate accesses { accessedAt } }
        unscheduledCareAttendances { id setting attendedAt }
        communityHealthContacts { id service }
        maternityEpisodes { id expectedDeliveryDate }
        camhsInvolvements { id status }
      }`,
  probation: `probation {
        known
        summary { underSupervision currentMappa { category level } currentRoshOverall }
        records { crn }
        cases { id supervisionType riskOfSeriousHarm { overall children } licenceConditions { type protectedPerson { name { familyName } } } }
      }`,
} as const;

export type AgencySubgraph = keyof typeof SECTION_SELECTIONS;

const IDENTITY = "id name { givenName familyName } dateOfBirth address { postcode }";

export const PICTURE_QUERY = `
query Picture($first: Int = 50) {
  subjects(first: $first) {
    nodes {
      ${IDENTITY}
      ${Object.values(SECTION_SELECTIONS).join("\n      ")}
    }
  }
}`;

/**
 * The same agency's part asked of its subgraph directly, the way the gateway asks it: social care
 * through `subjects`, the others through `_entities` for the page's subject ids.
 */
export function directSectionQuery(subgraph: AgencySubgraph): string {
  if (subgraph === "social-care") {
    return `query Direct($first: Int = 50) { subjects(first: $first) { nodes { ${IDENTITY} ${SECTION_SELECTIONS[subgraph]} } } }`;
  }
  return `query Direct($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { ${SECTION_SELECTIONS[subgraph]} } } }`;
}

/**
 * Tables each subgraph reads for the picture: one statement each at most, whatever the page size.
 * social care: person page, contacts, child protection plans, child in need, looked after, early
 * help, adult safeguarding, allocation.
 * police: subject_link, nominal, warning_marker, notification, incident involvement (joined with the
 * incident), offence, intelligence_item.
 * health: subject_link, patient, gp_registration, cpis_flag, cpis_access, unscheduled care,
 * community contacts, maternity, camhs.
 * probation: subject_link, offender, probation_case, licence_condition, protected_person.
 */
export const PICTURE_TABLES = {
  "social-care": 8,
  police: 7,
  health: 9,
  probation: 5,
} as const;

/**
 * A MASH case picture: the enquiry's subject and every member of the household with each agency's
 * part, limited to what a MASH social worker may see with a purpose, so that the same query costs
 * the same work with authorization off and on (the benchmark compares the two).
 */
export const ENQUIRY_PICTURE_QUERY = `
query EnquiryPicture($id: ID!) {
  subject(id: $id) {
    id
    name { givenName familyName }
    dateOfBirth
    household {
      members {
        id
        name { givenName familyName }
        dateOfBirth
        socialCare {
          known
          summary { contactCount onChildProtectionPlan lookedAfter }
          contacts { id concern outcome }
          childProtectionPlans { id category }
        }
        police {
          known
          summary { domesticAbuseIncidentCount latestDashRisk offenceCount }
          intelligence { sanitisedText }
        }
        health {
          known
          summary { activeCpisFlag unscheduledCareAttendancesInLast12Months }
          cpisFlags { planType startDate }
        }
        probation {
          known
          summary { underSupervision currentMappa { category level } currentRoshOverall }
        }
      }
    }
  }
}`;
