import type { AgencyValue, CheckRequest } from "@mash/agency-kit/disclosure/agency-check";
import type { EnquiryRow } from "../resolver-parents.js";

/**
 * The request for agency checks an enquiry makes, as every agency judges its check against it:
 * when (enquiries opened before the workflow requested their checks when they were opened), by
 * when, and of which agencies.
 */
export function checkRequestOf(row: EnquiryRow): CheckRequest {
  return {
    requestedAt: row.checksRequestedAt ?? row.openedAt,
    dueAt: row.checksDueAt,
    agencies: row.requestedAgencies as AgencyValue[],
  };
}
