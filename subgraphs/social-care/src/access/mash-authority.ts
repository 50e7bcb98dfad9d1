import { badUserInput, ErrorCode, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { and, desc, eq, gt, inArray, ne, or } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { SocialCareContext } from "../context.js";
import {
  breakGlassGrant,
  enquiry,
  enquiryParticipant,
  person,
  relationship,
} from "../db/schema.js";
import { ACTIVE_STATES } from "../workflow/state-machine.js";

/** Managers oversee every enquiry of the team, so any open one is a purpose they may declare. */
const OVERSEES_ALL_ENQUIRIES = "mash-manager";

function forbidden(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden, reason } });
}

function requirePrincipal(ctx: SocialCareContext) {
  const principal = ctx.auth.authority.principal;
  if (!principal) {
    throw new GraphQLError("Sign in to declare a purpose.", {
      extensions: { code: ErrorCode.Unauthenticated },
    });
  }
  return principal;
}

/**
 * The people an enquiry is about: its subject, everyone in the subject's household, and everyone
 * recorded as related to them. A MASH checks the household and significant others, not only the
 * child, so a purpose covers all of them and nobody else.
 */
async function enquirySubjects(ctx: SocialCareContext, subjectId: string): Promise<string[]> {
  const [subject] = await ctx.db
    .select({ householdId: person.householdId })
    .from(person)
    .where(eq(person.id, subjectId));
  const ids = new Set<string>([subjectId]);
  const [members, links] = await Promise.all([
    subject?.householdId
      ? ctx.db
          .select({ id: person.id })
          .from(person)
          .where(eq(person.householdId, subject.householdId))
      : Promise.resolve([]),
    ctx.db
      .select({ personId: relationship.personId, relatedPersonId: relationship.relatedPersonId })
      .from(relationship)
      .where(or(eq(relationship.personId, subjectId), eq(relationship.relatedPersonId, subjectId))),
  ]);
  for (const member of members) ids.add(member.id);
  for (const link of links) {
    ids.add(link.personId);
    ids.add(link.relatedPersonId);
  }
  return [...ids].sort();
}

/**
 * An enquiry the caller may work on: they take part in it, or they are a MASH manager (who
 * oversees every enquiry of the team). NOT_FOUND and FORBIDDEN otherwise.
 */
export async function enquiryForCaller(
  ctx: SocialCareContext,
  enquiryIdArgument: string,
  field: string,
) {
  const principal = requirePrincipal(ctx);
  const enquiryId = parseUuidArgument(enquiryIdArgument, field, "Enquiry");
  const found = await ctx.loaders.enquiryById.load(enquiryId);
  if (!found) throw notFound("Enquiry", enquiryId);
  if (!principal.roles.includes(OVERSEES_ALL_ENQUIRIES)) {
    const [participant] = await ctx.db
      .select({ enquiryId: enquiryParticipant.enquiryId })
      .from(enquiryParticipant)
      .where(
        and(
          eq(enquiryParticipant.enquiryId, enquiryId),
          eq(enquiryParticipant.principalId, principal.id),
        ),
      );
    if (!participant) {
      throw forbidden("You are not working on this enquiry.", "NOT_A_PARTICIPANT");
    }
  }
  return found;
}

/** The gateway's check of a declared purpose (`x-mash-purpose`). */
export async function mashAuthority(ctx: SocialCareContext, enquiryIdArgument: string) {
  const principal = requirePrincipal(ctx);
  const found = await enquiryForCaller(ctx, enquiryIdArgument, "enquiryId");
  if (!ACTIVE_STATES.includes(found.status)) {
    throw forbidden("The enquiry is no longer open, so it cannot be a purpose.", "ENQUIRY_CLOSED");
  }
  const enquiryId = found.id;
  const [subjectIds, grants] = await Promise.all([
    enquirySubjects(ctx, found.subjectId),
    ctx.db
      .select({
        id: breakGlassGrant.id,
        subjectId: breakGlassGrant.subjectId,
        expiresAt: breakGlassGrant.expiresAt,
      })
      .from(breakGlassGrant)
      .where(
        and(
          eq(breakGlassGrant.principalId, principal.id),
          eq(breakGlassGrant.enquiryId, enquiryId),
          gt(breakGlassGrant.expiresAt, ctx.now),
          // A grant the data protection officer did not uphold is revoked from that moment.
          ne(breakGlassGrant.reviewStatus, "not_upheld"),
        ),
      ),
  ]);
  return { enquiryId, subjectIds, breakGlassGrants: grants };
}

export interface DeclareBreakGlassInput {
  subjectId: string;
  reason: string;
  minutes?: number | null;
}

const MIN_REASON = 20;
const MAX_REASON = 2000;

/** Records a break-glass grant: reason stated, time-limited, flagged for review. */
export async function declareBreakGlass(ctx: SocialCareContext, input: DeclareBreakGlassInput) {
  const principal = requirePrincipal(ctx);
  const purpose = ctx.auth.authority.purpose;
  if (!purpose) throw forbidden("Declare the enquiry you are working on first.", "NO_PURPOSE");
  const subjectId = parseUuidArgument(input.subjectId, "input.subjectId", "Subject");
  if (!purpose.subjectIds.includes(subjectId)) {
    throw forbidden(
      "The subject is not part of the enquiry you declared as your purpose.",
      "SUBJECT_OUTSIDE_PURPOSE",
    );
  }
  const reason = input.reason.trim();
  if (reason.length < MIN_REASON || reason.length > MAX_REASON) {
    throw badUserInput(`The reason must be ${MIN_REASON} to ${MAX_REASON} characters.`, {
      field: "input.reason",
      reason: "OUT_OF_RANGE",
    });
  }
  const minutes = input.minutes ?? 30;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 60) {
    throw badUserInput("A break-glass grant lasts 5 to 60 minutes.", {
      field: "input.minutes",
      reason: "OUT_OF_RANGE",
    });
  }
  const grantedAt = ctx.now;
  const [grant] = await ctx.db
    .insert(breakGlassGrant)
    .values({
      id: crypto.randomUUID(),
      principalId: principal.id,
      principalAgency: principal.agency,
      subjectId,
      enquiryId: purpose.enquiryId,
      reason,
      grantedAt,
      expiresAt: new Date(grantedAt.getTime() + minutes * 60_000),
    })
    .returning();
  // `returning()` gives back the inserted row; none would mean the grant was not recorded.
  if (!grant) throw new Error("The break-glass grant was not recorded.");
  return grant;
}

/** The open enquiries a caller may declare as their purpose. */
export async function myEnquiries(ctx: SocialCareContext) {
  const principal = requirePrincipal(ctx);
  // Rated enquiries are still being worked: their checks run against the rating's deadline.
  const open = inArray(enquiry.status, [...ACTIVE_STATES]);
  if (principal.roles.includes(OVERSEES_ALL_ENQUIRIES)) {
    return ctx.db.select().from(enquiry).where(open).orderBy(desc(enquiry.openedAt));
  }
  const rows = await ctx.db
    .select({ enquiry })
    .from(enquiry)
    .innerJoin(enquiryParticipant, eq(enquiryParticipant.enquiryId, enquiry.id))
    .where(and(open, eq(enquiryParticipant.principalId, principal.id)))
    .orderBy(desc(enquiry.openedAt));
  return rows.map((row) => row.enquiry);
}
