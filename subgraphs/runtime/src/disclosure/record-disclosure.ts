import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import type { SubgraphAuthorization } from "../authorization/subgraph-authorization.js";
import { unauthorizedField } from "../authorization/unauthorized-error.js";
import type { Database } from "../db/connect.js";
import { badUserInput, ErrorCode } from "../graphql/errors.js";
import { parseUuidArgument } from "../graphql/ids.js";
import type { disclosureDecision, disclosureTable, lawfulBasis } from "./disclosure-table.js";

type DisclosureTable = ReturnType<typeof disclosureTable>;
export type DisclosureRow = DisclosureTable["$inferSelect"];
type Decision = (typeof disclosureDecision.enumValues)[number];
type LawfulBasis = (typeof lawfulBasis.enumValues)[number];

export interface RecordDisclosureInput {
  enquiryId: string;
  decision: Decision;
  subjectIds: string[];
  summary?: string | null;
  sharedRecordIds?: string[] | null;
  lawfulBasis?: LawfulBasis[] | null;
  declineReason?: string | null;
}

const forbidden = (message: string, reason: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden, reason } });

function text(value: string | null | undefined, field: string, min: number, max: number): string {
  const trimmed = value?.trim() ?? "";
  if (trimmed.length < min || trimmed.length > max) {
    throw badUserInput(`${field} must be ${min} to ${max} characters`, {
      field,
      reason: "OUT_OF_RANGE",
    });
  }
  return trimmed;
}

/**
 * Checks a disclosure against what the decision needs and what the caller's purpose covers:
 * sharing needs a summary and a lawful basis, declining needs a reason, and an agency can only
 * disclose for the enquiry it is working on, about that enquiry's people.
 */
function validated(input: RecordDisclosureInput, auth: SubgraphAuthorization) {
  const purpose = auth.authority.purpose;
  const enquiryId = parseUuidArgument(input.enquiryId, "input.enquiryId", "Enquiry");
  if (!purpose || purpose.enquiryId !== enquiryId) {
    throw forbidden(
      "Disclose only for the enquiry you declared as your purpose.",
      "NOT_THE_PURPOSE",
    );
  }
  if (input.subjectIds.length === 0 || input.subjectIds.length > 50) {
    throw badUserInput("Name 1 to 50 subjects the disclosure is about.", {
      field: "input.subjectIds",
      reason: "OUT_OF_RANGE",
    });
  }
  const subjectIds = input.subjectIds.map((id) =>
    parseUuidArgument(id, "input.subjectIds", "Subject"),
  );
  if (subjectIds.some((id) => !auth.subjectInPurpose(id))) {
    throw forbidden("A subject named is not part of the enquiry.", "SUBJECT_OUTSIDE_PURPOSE");
  }
  const sharedRecordIds = input.sharedRecordIds ?? [];
  if (
    sharedRecordIds.length > 200 ||
    sharedRecordIds.some((id) => id.length === 0 || id.length > 100)
  ) {
    throw badUserInput("Share at most 200 record ids, each 1 to 100 characters.", {
      field: "input.sharedRecordIds",
      reason: "OUT_OF_RANGE",
    });
  }
  const basis = [...new Set(input.lawfulBasis ?? [])];
  switch (input.decision) {
    case "shared":
      if (basis.length === 0) {
        throw badUserInput("Sharing needs its lawful basis.", {
          field: "input.lawfulBasis",
          reason: "REQUIRED",
        });
      }
      return {
        enquiryId,
        subjectIds,
        summary: text(input.summary, "input.summary", 10, 4000),
        sharedRecordIds,
        lawfulBasis: basis,
        declineReason: null,
      };
    case "declined":
      return {
        enquiryId,
        subjectIds,
        summary: null,
        sharedRecordIds: [],
        lawfulBasis: basis,
        declineReason: text(input.declineReason, "input.declineReason", 10, 2000),
      };
    default:
      return {
        enquiryId,
        subjectIds,
        summary: input.summary ? text(input.summary, "input.summary", 1, 4000) : null,
        sharedRecordIds: [],
        lawfulBasis: basis,
        declineReason: null,
      };
  }
}

/** Records an agency's disclosure (or refusal) for an enquiry, in one statement. */
export async function recordDisclosure<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  table: DisclosureTable,
  auth: SubgraphAuthorization,
  input: RecordDisclosureInput,
  now: Date,
): Promise<DisclosureRow> {
  const principal = auth.authority.principal;
  if (!principal) throw unauthorizedField("MISSING_REQUIREMENT");
  const [row] = await db
    .insert(table)
    .values({
      id: randomUUID(),
      ...validated(input, auth),
      decision: input.decision,
      recipients: "MASH",
      decidedBy: principal.id,
      decidedByAgency: principal.agency,
      decidedAt: now,
    })
    .returning();
  if (!row) throw new Error("the disclosure insert returned no row");
  return row;
}

/**
 * Disclosures are read only under the enquiry they were made for: the caller's declared purpose
 * must be that enquiry (record-level, beyond the field's declared scopes).
 */
export function assertEnquiryIsPurpose(auth: SubgraphAuthorization, enquiryId: string): void {
  if (auth.authority.purpose?.enquiryId !== enquiryId) throw unauthorizedField("OUTSIDE_PURPOSE");
}
