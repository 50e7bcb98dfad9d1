import type { Agency } from "@mash/schema/authorization/catalogue";
import { type AnyColumn, and, eq, gte, type SQL, sql } from "drizzle-orm";
import type { disclosureTable } from "./disclosure-table.js";
import type { DisclosureRow } from "./record-disclosure.js";

/**
 * Where one agency's check for a MASH enquiry stands (the lower-case forms of the SDL's
 * `AgencyCheckStatus`). `agency_unavailable` is never derived here: only the gateway can tell that
 * an agency did not answer, and it says so in the agency's place.
 */
export type AgencyCheckStatus =
  | "done"
  | "nothing_known"
  | "declined"
  | "pending"
  | "overdue"
  | "agency_unavailable"
  | "not_requested";

/** The SDL's `Agency` enum, internally: the catalogue's agency names with underscores. */
export type AgencyValue = "social_care" | "police" | "health" | "probation";

/** The four agencies, in the SDL's order (the lower-case forms of `Agency`). */
export const AGENCY_VALUES: readonly AgencyValue[] = [
  "social_care",
  "police",
  "health",
  "probation",
];

/**
 * When social care asked the agencies to check, which agencies it asked, and by when they must
 * answer (null: not yet).
 */
export interface CheckRequest {
  requestedAt: Date | null;
  dueAt: Date | null;
  /** The agencies the enquiry asked; null or absent: every agency (enquiries from before the list). */
  agencies?: readonly AgencyValue[] | null;
}

/** Whether this request asked `agency` to check at all. */
export function requestsAgency(request: CheckRequest, agency: AgencyValue): boolean {
  if (!request.requestedAt) return false;
  return !request.agencies || request.agencies.includes(agency);
}

/** A check whose status says the agency has answered the current request. */
export const ANSWERED_STATUSES: ReadonlySet<AgencyCheckStatus> = new Set([
  "done",
  "nothing_known",
  "declined",
]);

/** The part of a disclosure that answers a check. */
export type CheckAnswer = Pick<
  DisclosureRow,
  "enquiryId" | "decision" | "decidedAt" | "summary" | "declineReason"
>;

/** What `AgencyCheck` resolves from: the status and the answer behind it. */
export interface AgencyCheckView {
  enquiryId: string;
  agency: AgencyValue;
  status: AgencyCheckStatus;
  requestedAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
  /** The answer's practitioner summary and decline reason: released only under field rules. */
  answer: CheckAnswer | null;
}

const STATUS_OF_DECISION: Record<CheckAnswer["decision"], AgencyCheckStatus> = {
  shared: "done",
  nothing_known: "nothing_known",
  declined: "declined",
};

/**
 * The answer that counts for the current request: the newest one not older than the request. An
 * answer given before checks were (re-)requested answers an earlier request, not this one.
 */
export function currentAnswer(
  request: CheckRequest,
  answersNewestFirst: readonly CheckAnswer[],
): CheckAnswer | null {
  const requestedAt = request.requestedAt;
  const latest = answersNewestFirst[0];
  if (!latest) return null;
  if (requestedAt && latest.decidedAt < requestedAt) return null;
  return latest;
}

/**
 * The same rule as `currentAnswer`, for SQL (work queues filter on it): the enquiry has an answer
 * not older than the request. "The newest answer is not older than the request" holds exactly when
 * some answer is not older than it, so this is an EXISTS. `requestedAt` is the request's time as
 * the caller's query has it (a column, or an expression for enquiries without one).
 */
export function answeredSinceRequest(
  disclosures: ReturnType<typeof disclosureTable>,
  enquiryId: AnyColumn,
  requestedAt: SQL | AnyColumn,
): SQL {
  return sql`exists (select 1 from ${disclosures} where ${and(
    eq(disclosures.enquiryId, enquiryId),
    gte(disclosures.decidedAt, requestedAt),
  )})`;
}

/**
 * The one rule for a check's status, shared by every agency: an answer decides it; without one,
 * a check this request did not ask of the agency (none requested, or not this agency) is
 * NOT_REQUESTED, and a requested one is PENDING up to and including its deadline and OVERDUE
 * strictly after it (no deadline yet: still PENDING).
 */
export function agencyCheckStatus(
  request: CheckRequest,
  answer: CheckAnswer | null,
  now: Date,
  agency?: AgencyValue,
): AgencyCheckStatus {
  if (answer) return STATUS_OF_DECISION[answer.decision];
  if (!request.requestedAt) return "not_requested";
  if (agency && !requestsAgency(request, agency)) return "not_requested";
  if (request.dueAt && now.getTime() > request.dueAt.getTime()) return "overdue";
  return "pending";
}

export function agencyValue(agency: Agency): AgencyValue {
  return agency.replace("-", "_") as AgencyValue;
}

/** One agency's check for one enquiry, from its answers (newest first, as the loaders give them). */
export function agencyCheck(
  agency: Agency,
  enquiryId: string,
  request: CheckRequest,
  answersNewestFirst: readonly CheckAnswer[],
  now: Date,
): AgencyCheckView {
  const answer = currentAnswer(request, answersNewestFirst);
  const value = agencyValue(agency);
  return {
    enquiryId,
    agency: value,
    status: agencyCheckStatus(request, answer, now, value),
    requestedAt: request.requestedAt,
    dueAt: request.dueAt,
    answeredAt: answer?.decidedAt ?? null,
    answer,
  };
}
