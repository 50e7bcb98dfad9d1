import { createHmac, timingSafeEqual } from "node:crypto";
import {
  AGENCY_VALUES,
  type AgencyCheckStatus,
  type AgencyValue,
  ANSWERED_STATUSES,
  agencyCheck,
  requestsAgency,
} from "@mash/agency-kit/disclosure/agency-check";
import { badUserInput } from "@mash/platform/graphql/errors";
import { desc, eq } from "drizzle-orm";
import type { SocialCareContext } from "../context.js";
import { disclosure, workflowSecret } from "../db/schema.js";
import type { EnquiryParent, EnquiryRow } from "../resolver-parents.js";
import { checkRequestOf } from "./check-request.js";

/**
 * The basis of a MASH decision: where every agency's check stood. Social care holds only its own
 * answers; the others' statuses reach it through the gateway (`@requires` on
 * `Enquiry.decisionBasis`: the gateway fetched them from each agency under the caller's token, and
 * only the gateway can send social care an entity representation). Social care signs what it was
 * given with a secret of its own, so the manager's `decideEnquiry` can carry the statuses back
 * without the client being able to write them. Statuses that say "answered" stay true for the same
 * request (answers are never withdrawn, a newer one only replaces another answer), so an older
 * basis can only overstate what is outstanding: it fails closed.
 */

/** How long a basis may be used: long enough to write a decision, short enough to be re-read. */
const BASIS_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Clock differences between replicas that a just-issued basis may show. */
const CLOCK_SKEW_MS = 60 * 1000;

const OTHER_AGENCIES = ["police", "health", "probation"] as const satisfies readonly AgencyValue[];
type OtherAgency = (typeof OTHER_AGENCIES)[number];

const CHECK_FIELD: Record<OtherAgency, "policeCheck" | "healthCheck" | "probationCheck"> = {
  police: "policeCheck",
  health: "healthCheck",
  probation: "probationCheck",
};

const STATUS_VALUES: readonly AgencyCheckStatus[] = [
  "done",
  "nothing_known",
  "declined",
  "pending",
  "overdue",
  "agency_unavailable",
  "not_requested",
];

/** The other agencies' statuses as the gateway passed them; unknown or missing: null. */
export type ReportedStatuses = Partial<Record<OtherAgency, AgencyCheckStatus | null>>;

function statusOf(value: unknown): AgencyCheckStatus | null {
  if (typeof value !== "object" || value === null) return null;
  const status = (value as { status?: unknown }).status;
  if (typeof status !== "string") return null;
  const lower = status.toLowerCase() as AgencyCheckStatus;
  return STATUS_VALUES.includes(lower) ? lower : null;
}

/** The `@requires` part of an Enquiry reference: the other agencies' check statuses. */
export function reportedStatuses(reference: Record<string, unknown>): ReportedStatuses | undefined {
  if (!OTHER_AGENCIES.some((agency) => CHECK_FIELD[agency] in reference)) return undefined;
  return Object.fromEntries(
    OTHER_AGENCIES.map((agency) => [agency, statusOf(reference[CHECK_FIELD[agency]])]),
  );
}

export interface BasisCheck {
  agency: AgencyValue;
  status: AgencyCheckStatus;
}

interface BasisPayload {
  /** The enquiry. */
  e: string;
  /** The request of checks it answers (ms since the epoch). */
  r: number;
  /** When it was signed (ms). */
  i: number;
  /** The other agencies' statuses. */
  s: ReportedStatuses;
}

/** The database, or the decision's transaction (PGlite has one connection: read inside it). */
type Reader = Pick<SocialCareContext["db"], "select">;

async function secretOf(db: Reader): Promise<string> {
  const [row] = await db
    .select()
    .from(workflowSecret)
    .where(eq(workflowSecret.name, "decision-basis"));
  // Made by migration 0005: without it the database was not migrated, which start-up prevents.
  if (!row) throw new Error("The decision-basis secret is missing: run the migrations.");
  return row.secret;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** Checks still owed: asked of the agency, and not answered (pending, overdue, unknown). */
function outstandingOf(row: EnquiryRow, checks: readonly BasisCheck[]): AgencyValue[] {
  const request = checkRequestOf(row);
  return checks
    .filter((check) => requestsAgency(request, check.agency))
    .filter((check) => !ANSWERED_STATUSES.has(check.status))
    .map((check) => check.agency);
}

/** Social care's own check, now, from its own answers (the same rule as every agency's). */
async function socialCareStatus(db: Reader, row: EnquiryRow, now: Date) {
  const answers = await db
    .select()
    .from(disclosure)
    .where(eq(disclosure.enquiryId, row.id))
    .orderBy(desc(disclosure.decidedAt));
  return agencyCheck("social-care", row.id, checkRequestOf(row), answers, now).status;
}

function checksOf(own: AgencyCheckStatus, reported: ReportedStatuses): BasisCheck[] {
  return AGENCY_VALUES.map((agency) => ({
    agency,
    status:
      agency === "social_care"
        ? own
        : (reported[agency as OtherAgency] ?? ("agency_unavailable" as const)),
  }));
}

/** `Enquiry.decisionBasis`: the checks as they stand now, signed for `decideEnquiry`. */
export async function decisionBasis(ctx: SocialCareContext, row: EnquiryParent) {
  const reported = row.reportedStatuses ?? {};
  const checks = checksOf(await socialCareStatus(ctx.db, row, ctx.now), reported);
  const request = checkRequestOf(row);
  const payload: BasisPayload = {
    e: row.id,
    r: request.requestedAt?.getTime() ?? 0,
    i: ctx.now.getTime(),
    s: reported,
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return {
    outstandingAgencies: outstandingOf(row, checks),
    checks: checks.filter((check) => requestsAgency(request, check.agency)),
    token: `${encoded}.${sign(encoded, await secretOf(ctx.db))}`,
    issuedAt: ctx.now,
  };
}

function refused(message: string, reason: string) {
  return badUserInput(message, { field: "input.checksBasis", reason });
}

function readPayload(token: string, secret: string): BasisPayload {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0) {
    throw refused("Not a decision basis: read Enquiry.decisionBasis.token.", "MALFORMED");
  }
  const expected = Buffer.from(sign(encoded, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw refused("The decision basis was not signed by social care.", "INVALID_SIGNATURE");
  }
  return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as BasisPayload;
}

/**
 * The checks still outstanding for a decision on `row` (read under the decision's row lock):
 * social care's own from its database now, the others' from the signed basis — every other agency
 * asked counts as outstanding without one. A basis for another enquiry, an earlier request of
 * checks, or older than a day is refused: the manager reads the enquiry again.
 */
export async function outstandingForDecision(
  db: Reader,
  row: EnquiryRow,
  token: string | null | undefined,
  now: Date,
): Promise<AgencyValue[]> {
  let reported: ReportedStatuses = {};
  if (token?.trim()) {
    const payload = readPayload(token.trim(), await secretOf(db));
    const requestedAt = checkRequestOf(row).requestedAt?.getTime() ?? 0;
    const age = now.getTime() - payload.i;
    if (payload.e !== row.id || payload.r !== requestedAt) {
      throw refused(
        "The decision basis is for another enquiry or an earlier request of checks: read the enquiry again.",
        "STALE_CHECKS_BASIS",
      );
    }
    if (age > BASIS_LIFETIME_MS || age < -CLOCK_SKEW_MS) {
      throw refused(
        "The decision basis is more than a day old: read the enquiry again.",
        "STALE_CHECKS_BASIS",
      );
    }
    reported = payload.s;
  }
  return outstandingOf(row, checksOf(await socialCareStatus(db, row, now), reported));
}
