import { createHash } from "node:crypto";
import { canonicalJson } from "@mash/platform/integrity/canonical-json";
import { and, eq } from "drizzle-orm";
import type { SubmitContactInput } from "../__generated__/resolvers-types.js";
import type { SocialCareContext } from "../context.js";
import { allocation, mashContact, mashContactPerson } from "../db/schema.js";
import { requireCaller } from "./caller.js";
import { type ValidContact, type ValidPerson, validateContact } from "./contact-validation.js";
import { matchPeople } from "./person-matching.js";
import { idempotencyKeyReused } from "./workflow-errors.js";

export type MashContactRow = typeof mashContact.$inferSelect;

/** The hash a retry must match: the validated contact without its key. */
function payloadHash(contact: ValidContact): string {
  const { idempotencyKey: _key, ...payload } = contact;
  return createHash("sha256").update(canonicalJson(payload)).digest("hex");
}

function peopleRows(contact: ValidContact, contactId: string, personIds: (string | null)[]) {
  const named: { role: "subject" | "household_member" | "other"; person: ValidPerson }[] = [
    { role: "subject", person: contact.subject },
    ...contact.household.map((person) => ({ role: "household_member" as const, person })),
    ...contact.otherPeople.map((person) => ({ role: "other" as const, person })),
  ];
  return named.map(({ role, person }, position) => ({
    contactId,
    position,
    role,
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    nhsNumber: person.nhsNumber,
    relationshipToSubject: person.relationshipToSubject,
    addressLine1: person.address?.line1 ?? null,
    addressLine2: person.address?.line2 ?? null,
    addressTown: person.address?.town ?? null,
    addressPostcode: person.address?.postcode ?? null,
    personId: personIds[position] ?? null,
  }));
}

/**
 * A referrer's contact. Retried submissions (the same referrer and key) return the first contact,
 * even when they race: the unique index on (referrer, key) decides, inside the transaction that
 * writes the contact and its people. If the subject has an allocated social worker, the contact
 * goes to that worker rather than the MASH, and the routing is recorded on the contact.
 */
export async function submitContact(
  ctx: SocialCareContext,
  input: SubmitContactInput,
): Promise<MashContactRow> {
  const referrer = requireCaller(ctx);
  const contact = validateContact(input, ctx.now);
  const hash = payloadHash(contact);
  const named = [contact.subject, ...contact.household, ...contact.otherPeople];

  return ctx.db.transaction(async (tx) => {
    const personIds = await matchPeople(tx, named);
    const subjectPersonId = personIds[0] ?? null;
    const [allocated] = subjectPersonId
      ? await tx.select().from(allocation).where(eq(allocation.personId, subjectPersonId))
      : [];
    const id = crypto.randomUUID();
    const [inserted] = await tx
      .insert(mashContact)
      .values({
        id,
        referrerId: referrer.id,
        referrerAgency: referrer.agency,
        idempotencyKey: contact.idempotencyKey,
        payloadHash: hash,
        referrerName: contact.referrer.name,
        referrerRole: contact.referrer.role,
        referrerOrganisation: contact.referrer.organisation,
        referrerType: contact.referrer.type,
        referrerPhone: contact.referrer.phone,
        referrerEmail: contact.referrer.email,
        concern: contact.concern,
        summary: contact.summary,
        consent: contact.consent.decision,
        consentReason: contact.consent.reason,
        receivedAt: ctx.now,
        status: allocated ? "routed_to_allocated_worker" : "awaiting_screening",
        subjectPersonId,
        routedToWorker: allocated?.workerName ?? null,
        routedToTeam: allocated?.team ?? null,
      })
      .onConflictDoNothing({ target: [mashContact.referrerId, mashContact.idempotencyKey] })
      .returning();
    if (inserted) {
      await tx.insert(mashContactPerson).values(peopleRows(contact, id, personIds));
      return inserted;
    }
    // The key was used before (or by a concurrent retry that committed first).
    const [existing] = await tx
      .select()
      .from(mashContact)
      .where(
        and(
          eq(mashContact.referrerId, referrer.id),
          eq(mashContact.idempotencyKey, contact.idempotencyKey),
        ),
      );
    if (!existing) throw new Error("the conflicting contact is not visible");
    if (existing.payloadHash !== hash) throw idempotencyKeyReused();
    return existing;
  });
}
