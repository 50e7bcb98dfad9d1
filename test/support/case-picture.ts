/**
 * The case picture of one enquiry through the gateway: where each agency's check stands (with the
 * answer's words, for those who may read them) and whether each agency knows the subject.
 */
export const CASE_PICTURE = `query CasePicture($id: ID!) {
  enquiry(id: $id) {
    id
    checksRequestedAt
    checksDueAt
    rating
    socialCareCheck { agency status requestedAt dueAt answeredAt }
    policeCheck { agency status answeredAt summary }
    healthCheck { agency status answeredAt }
    probationCheck { agency status declineReason }
    subject {
      id
      socialCare { known }
      police { known }
      health { known }
      probation { known }
    }
  }
}`;

export interface AgencyCheck {
  agency: string;
  status: string;
  requestedAt?: string | null;
  dueAt?: string | null;
  answeredAt?: string | null;
  summary?: string | null;
  declineReason?: string | null;
}

export interface CasePicture {
  enquiry: {
    id: string;
    checksRequestedAt: string | null;
    checksDueAt: string | null;
    rating: string | null;
    socialCareCheck: AgencyCheck | null;
    policeCheck: AgencyCheck | null;
    healthCheck: AgencyCheck | null;
    probationCheck: AgencyCheck | null;
    subject: {
      id: string;
      socialCare: { known: boolean } | null;
      police: { known: boolean } | null;
      health: { known: boolean } | null;
      probation: { known: boolean } | null;
    } | null;
  } | null;
}
