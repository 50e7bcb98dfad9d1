import { badUserInput } from "@mash/platform/graphql/errors";
import { entityReference } from "@mash/platform/graphql/ids";
import type { Agency } from "@mash/schema/authorization/catalogue";
import type DataLoader from "dataloader";
import {
  AGENCY_VALUES,
  type AgencyCheckView,
  type AgencyValue,
  agencyCheck,
  type CheckAnswer,
} from "./agency-check.js";

/**
 * An `Enquiry` as an agency other than social care sees it: the id, and — when the gateway asks
 * for the agency's check — the two fields it `@requires` from social care.
 */
export interface EnquiryCheckReference {
  id: string;
  checksRequestedAt?: Date | null;
  checksDueAt?: Date | null;
  requestedAgencies?: readonly AgencyValue[] | null;
}

/**
 * Representations carry `@requires` fields as JSON, so DateTime values arrive as strings, unparsed
 * by the scalar: parse them here, and refuse anything that is not an instant.
 */
function instant(value: unknown, field: string): Date | null {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === "string" ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) {
    throw badUserInput(`${field} must be an ISO 8601 instant`, {
      field: `representations.${field}`,
      reason: "MALFORMED_DATE_TIME",
    });
  }
  return parsed;
}

/** The `Agency` enum values of a representation (`["POLICE", …]`), refusing anything else. */
function agencies(value: unknown): AgencyValue[] | null {
  if (value === null || value === undefined) return null;
  const parsed = Array.isArray(value)
    ? value.map((item) => (typeof item === "string" ? item.toLowerCase() : ""))
    : null;
  if (!parsed?.every((item) => (AGENCY_VALUES as readonly string[]).includes(item))) {
    throw badUserInput("requestedAgencies must be a list of Agency values", {
      field: "representations.requestedAgencies",
      reason: "MALFORMED_AGENCY",
    });
  }
  return parsed as AgencyValue[];
}

/** `Enquiry.__resolveReference` for an agency that adds its `<agency>Check` to the enquiry. */
export function enquiryCheckReference(reference: {
  id: string;
  checksRequestedAt?: unknown;
  checksDueAt?: unknown;
  requestedAgencies?: unknown;
}): EnquiryCheckReference {
  return {
    ...entityReference("Enquiry")(reference),
    checksRequestedAt: instant(reference.checksRequestedAt, "checksRequestedAt"),
    checksDueAt: instant(reference.checksDueAt, "checksDueAt"),
    requestedAgencies: agencies(reference.requestedAgencies),
  };
}

/**
 * `Enquiry.<agency>Check` for an agency other than social care: its answers come from the
 * request's disclosures loader (one statement for every enquiry asked about at once).
 */
export async function loadAgencyCheck(
  agency: Agency,
  enquiry: EnquiryCheckReference,
  answersByEnquiry: DataLoader<string, CheckAnswer[]>,
  now: Date,
): Promise<AgencyCheckView> {
  const request = {
    requestedAt: enquiry.checksRequestedAt ?? null,
    dueAt: enquiry.checksDueAt ?? null,
    agencies: enquiry.requestedAgencies ?? null,
  };
  return agencyCheck(agency, enquiry.id, request, await answersByEnquiry.load(enquiry.id), now);
}
