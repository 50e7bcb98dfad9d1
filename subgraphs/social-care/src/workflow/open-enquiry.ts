import { AGENCY_VALUES, type AgencyValue } from "@mash/agency-kit/disclosure/agency-check";
import { badUserInput, notFound } from "@mash/platform/graphql/errors";
import { parseUuidArgument } from "@mash/platform/graphql/ids";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Agency, OpenEnquiryInput } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import {
  enquiry,
  enquiryCheckSubject,
  enquiryParticipant,
  mashContact,
  mashContactPerson,
  person,
} from "../db/schema.js";
import { requireCaller } from "./caller.js";
import { invalidTransition } from "./workflow-errors.js";

type ContactPersonRow = typeof mashContactPerson.$inferSelect;

/** A person record for someone social care did not know: created from what the referrer gave. */
function newPerson(row: ContactPersonRow) {
  return {
    id: crypto.randomUUID(),
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    nhsNumber: row.nhsNumber,
    addressLine1: row.addressLine1,
    addressLine2: row.addressLine2,
    addressTown: row.addressTown,
    addressPostcode: row.addressPostcode,
    addressUprn: row.addressUprn,
  };
}

/** The agencies the screener asks (every agency when not said), each once, in the SDL's order. */
function agenciesToAsk(chosen: readonly Agency[] | null | undefined): AgencyValue[] {
  if (chosen === null || chosen === undefined) return [...AGENCY_VALUES];
  if (chosen.length === 0) {
    throw badUserInput("Ask at least one agency to check, or leave the list out to ask all.", {
      field: "input.agencies",
      reason: "REQUIRED",
    });
  }
  return AGENCY_VALUES.filter((agency) => chosen.includes(agency));
}

/**
 * Opens an enquiry from a contact awaiting screening, in one transaction: people the contact names
 * who matched no record get one, agency checks are requested for every one of them (the subject,
 * the household, the others named: unchecked household members are a classic failing), and the
 * opener takes part in the enquiry. The unique index on the enquiry's contact, and the lock on the
 * contact, make opening twice impossible.
 */
export async function openEnquiry(ctx: SocialCareContext, input: OpenEnquiryInput) {
  const caller = requireCaller(ctx);
  const contactId = parseUuidArgument(input.contactId, "input.contactId", "Contact");
  const requestedAgencies = agenciesToAsk(input.agencies);
  return ctx.db.transaction(async (tx) => {
    const [contact] = await tx
      .select()
      .from(mashContact)
      .where(eq(mashContact.id, contactId))
      .for("update");
    if (!contact) throw notFound("Contact", contactId);
    if (contact.status !== "awaiting_screening") {
      throw invalidTransition(
        "Only a contact awaiting screening can become an enquiry.",
        contact.status,
        "OPEN_ENQUIRY",
      );
    }
    const named = await tx
      .select()
      .from(mashContactPerson)
      .where(eq(mashContactPerson.contactId, contactId))
      .orderBy(asc(mashContactPerson.position));
    const created = named.filter((row) => !row.personId).map((row) => ({ row, ...newPerson(row) }));
    if (created.length > 0) {
      await tx.insert(person).values(created.map(({ row: _row, ...values }) => values));
      // One statement for all of them: each named person gets the record made for them.
      const personIdFor = sql.join(
        created.map(({ row, id }) => sql`when ${row.id} then ${id}::uuid`),
        sql` `,
      );
      await tx
        .update(mashContactPerson)
        .set({ personId: sql`case ${mashContactPerson.id} ${personIdFor} end` })
        .where(
          inArray(
            mashContactPerson.id,
            created.map(({ row }) => row.id),
          ),
        );
      for (const { row, id } of created) row.personId = id;
    }
    const subjectId = named.find((row) => row.role === "subject")?.personId;
    if (!subjectId) throw new Error("a contact without its subject");
    const now = ctx.now;
    const [opened] = await tx
      .insert(enquiry)
      .values({
        id: crypto.randomUUID(),
        subjectId,
        status: "open",
        openedAt: now,
        openedBy: caller.id,
        contactId,
        checksRequestedAt: now,
        requestedAgencies,
      })
      .returning();
    if (!opened) throw new Error("the enquiry was not recorded");
    // The same person named twice (e.g. as household and as other) is checked once.
    const checks = new Map<string, (typeof named)[number]["role"]>();
    for (const row of named)
      if (row.personId && !checks.has(row.personId)) checks.set(row.personId, row.role);
    await tx.insert(enquiryCheckSubject).values(
      [...checks].map(([personId, role]) => ({
        enquiryId: opened.id,
        personId,
        role,
        requestedAt: now,
      })),
    );
    await tx.insert(enquiryParticipant).values({
      enquiryId: opened.id,
      principalId: caller.id,
      agency: caller.agency,
      addedAt: now,
    });
    await tx
      .update(mashContact)
      .set({ status: "in_enquiry", subjectPersonId: subjectId })
      .where(eq(mashContact.id, contactId));
    return opened;
  });
}
