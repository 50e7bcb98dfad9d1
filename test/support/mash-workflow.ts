import { expect } from "vitest";
import { contactAbout, type NamedRecord } from "./contact-about.js";
import type { PersonaSession } from "./personas.js";

export { contactAbout, type NamedRecord };

/**
 * The MASH workflow's operations as the personas send them through the gateway, and the steps the
 * workflow tests share (a contact into an enquiry; an agency's answer), so each test reads as the
 * story it tells.
 */

export const SUBMIT = `mutation SubmitContact($input: SubmitContactInput!) {
  submitContact(input: $input) { id status concern outcome feedback }
}`;
export const AWAITING = `query Awaiting { contactsAwaitingScreening(first: 100) { id concern people { role givenName subject { id } } } }`;
export const OPEN = `mutation Open($id: ID!) {
  openEnquiry(input: { contactId: $id }) { id status version checksRequestedAt checkSubjects { id } subject { id } }
}`;
export const RATE = `mutation Rate($input: RateEnquiryInput!) {
  rateEnquiry(input: $input) { id status version rating checksDueAt ratingHistory { from to rationale changedBy } }
}`;
export const QUEUE = `query Queue { workQueue(first: 200) { id rating checksDueAt overdue } }`;
export const TAKE_UP = `mutation TakeUp($id: ID!) {
  takeUpAgencyCheck(input: { enquiryId: $id }) { id status version }
}`;
export const DECIDE = `mutation RecordDecision($input: DecideEnquiryInput!) {
  decideEnquiry(input: $input) { id status version decision { outcome decidedBy } }
}`;
export const MY_CONTACTS = `query Mine { myContacts { id status outcome feedback decidedAt } }`;

/** The mutation an agency records its answer with: `record<Agency>Disclosure`. */
export const RECORD = (agency: "SocialCare" | "Police" | "Health" | "Probation") =>
  `mutation Record($input: RecordDisclosureInput!) {
  record${agency}Disclosure(input: $input) { id decision }
}`;

export interface OpenedEnquiry {
  id: string;
  version: number;
  subject: { id: string };
  checkSubjects: { id: string }[];
}

/**
 * The referrer submits a contact about `record`; the MASH social worker finds it awaiting
 * screening and opens an enquiry, which matched social care's record of the child and requests
 * checks for the child and the mother.
 */
export async function intoEnquiry(
  referrer: PersonaSession,
  worker: PersonaSession,
  record: NamedRecord,
  key: string,
) {
  const submitted = await referrer.query<{ submitContact: { id: string; status: string } }>(
    SUBMIT,
    { input: contactAbout(record, key) },
  );
  expect(submitted.errors).toBeUndefined();
  const contact = submitted.data?.submitContact;
  expect(contact?.status).toBe("AWAITING_SCREENING");
  const awaiting = await worker.query<{ contactsAwaitingScreening: { id: string }[] }>(AWAITING);
  expect(awaiting.data?.contactsAwaitingScreening.map((c) => c.id)).toContain(contact?.id);
  const opened = await worker.query<{ openEnquiry: OpenedEnquiry }>(OPEN, { id: contact?.id });
  expect(opened.errors).toBeUndefined();
  const enquiry = opened.data?.openEnquiry;
  if (!contact || !enquiry) throw new Error("no enquiry");
  expect(enquiry.subject.id).toBe(record.recordId);
  expect(enquiry.checkSubjects).toHaveLength(2);
  return { contact, enquiry };
}
