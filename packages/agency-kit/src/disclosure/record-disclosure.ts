import { randomUUID } from "node:crypto";
import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import { unauthorizedField } from "@mash/platform/authorization/unauthorized-error";
import type { Database } from "@mash/platform/db/connect";
import { badUserInput, ErrorCode } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { GraphQLError } from "graphql";
import type { disclosureDecision, disclosureTable, lawfulBasis } from "./disclosure-table.js";

export type DisclosureTable = ReturnType<typeof disclosureTable>;
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

/** A field the decision needs: absent or blank is REQUIRED (not merely out of range). */
function required(value: string | null | undefined, field: string, message: string): string {
  if (!value?.trim()) throw badUserInput(message, { field, reason: "REQUIRED" });
  return value;
}

/** The answer fields only some decisions take; anything else given is a contradiction. */
const ANSWER_FIELDS = ["summary", "sharedRecordIds", "declineReason"] as const;
type AnswerField = (typeof ANSWER_FIELDS)[number];

/**
 * Refuses what does not belong with the decision (a reason on a share, records with "nothing
 * known", a summary on a refusal) rather than dropping it silently: the record must say exactly
 * what the practitioner decided.
 */
function refuseFieldsOtherThan(input: RecordDisclosureInput, allowed: readonly AnswerField[]) {
  for (const field of ANSWER_FIELDS) {
    if (allowed.includes(field)) continue;
    const value = input[field];
    const given = Array.isArray(value) ? value.length > 0 : Boolean(value?.trim());
    if (given) {
      throw badUserInput(
        `${field} does not go with the decision ${input.decision.toUpperCase()}.`,
        {
          field: `input.${field}`,
          reason: "NOT_FOR_THIS_DECISION",
        },
      );
    }
  }
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
  const common = { enquiryId, subjectIds, lawfulBasis: basis };
  switch (input.decision) {
    case "shared":
      refuseFieldsOtherThan(input, ["summary", "sharedRecordIds"]);
      if (basis.length === 0) {
        throw badUserInput("Sharing needs its lawful basis.", {
          field: "input.lawfulBasis",
          reason: "REQUIRED",
        });
      }
      return {
        ...common,
        summary: text(
          required(input.summary, "input.summary", "Sharing needs the practitioner's summary."),
          "input.summary",
          10,
          4000,
        ),
        sharedRecordIds,
        declineReason: null,
      };
    case "declined":
      refuseFieldsOtherThan(input, ["declineReason"]);
      return {
        ...common,
        summary: null,
        sharedRecordIds: [],
        declineReason: text(
          required(input.declineReason, "input.declineReason", "Declining needs the reason."),
          "input.declineReason",
          10,
          2000,
        ),
      };
    default:
      refuseFieldsOtherThan(input, ["summary"]);
      return {
        ...common,
        summary: input.summary ? text(input.summary, "input.summary", 1, 4000) : null,
        sharedRecordIds: [],
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
