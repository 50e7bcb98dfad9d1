import { randomUUID } from "node:crypto";
import { Router } from "express";
import {
  type ConcernCategory,
  type ConsentDecision,
  ContactsAwaitingScreeningDocument,
  MyContactsDocument,
  OpenEnquiryDocument,
  type ReferrerType,
  SubmitContactDocument,
  type SubmitContactInput,
} from "../__generated__/operations.js";
import { formErrors } from "../data/form-errors.js";
import { CONCERNS, CONSENT, items, many, REFERRER_TYPES } from "../presenters/choices.js";
import { AGENCY_NAMES } from "../presenters/format.js";
import { ask, type PageServices, page } from "./context.js";

type Form = Record<string, string | string[] | undefined>;

const text = (form: Form, name: string) => String(form[name] ?? "").trim();
const optional = (form: Form, name: string) => text(form, name) || undefined;

/** A GOV.UK date input's three fields as YYYY-MM-DD (left for the graph to validate). */
function dateOf(form: Form, name: string): string | undefined {
  const [day = "", month = "", year = ""] = ["day", "month", "year"].map((part) =>
    text(form, `${name}-${part}`),
  );
  if (!day && !month && !year) return undefined;
  return `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The referral form as the graph's SubmitContactInput. */
function contactInput(form: Form): SubmitContactInput {
  const household = text(form, "household-givenName")
    ? [
        {
          givenName: text(form, "household-givenName"),
          familyName: text(form, "household-familyName"),
          dateOfBirth: dateOf(form, "household-dateOfBirth"),
          relationshipToSubject: optional(form, "household-relationship"),
        },
      ]
    : [];
  return {
    idempotencyKey: text(form, "idempotencyKey"),
    referrer: {
      name: text(form, "referrer-name"),
      role: text(form, "referrer-role"),
      organisation: text(form, "referrer-organisation"),
      type: text(form, "referrer-type") as ReferrerType,
      phone: optional(form, "referrer-phone"),
      email: optional(form, "referrer-email"),
    },
    subject: {
      givenName: text(form, "subject-givenName"),
      familyName: text(form, "subject-familyName"),
      dateOfBirth: dateOf(form, "subject-dateOfBirth"),
      nhsNumber: optional(form, "subject-nhsNumber")?.replace(/\s/g, ""),
      address: text(form, "subject-address-line1")
        ? {
            line1: text(form, "subject-address-line1"),
            town: text(form, "subject-address-town"),
            postcode: text(form, "subject-address-postcode"),
          }
        : undefined,
    },
    household,
    concern: text(form, "concern") as ConcernCategory,
    summary: text(form, "summary"),
    consent: {
      decision: text(form, "consent-decision") as ConsentDecision,
      reason: optional(form, "consent-reason"),
    },
  };
}

/** Checks a browser can make before the graph does: the choices GOV.UK forms must have. */
function missingChoices(form: Form) {
  const missing = [];
  if (!text(form, "referrer-type"))
    missing.push({ field: "referrer-type", text: "Select who you are referring as" });
  if (!text(form, "concern")) missing.push({ field: "concern", text: "Select the main concern" });
  if (!text(form, "consent-decision"))
    missing.push({ field: "consent-decision", text: "Select whether the family agreed" });
  return missing;
}

/** The referrer's pages (refer a concern, follow one's referrals) and the MASH's screening. */
export function contactRoutes(services: PageServices): Router {
  const router = Router();

  router.get(
    "/contacts",
    page(async (request, response) => {
      const answer = await ask(services, request, MyContactsDocument, {});
      response.render("pages/contacts.njk", {
        contacts: answer.data?.myContacts ?? [],
        submitted: typeof request.query.submitted === "string",
        errors: answer.errors,
      });
    }),
  );

  const showForm = (form: Form, errors: ReturnType<typeof formErrors>) => ({
    form: { ...form, idempotencyKey: form.idempotencyKey || randomUUID() },
    errors,
    concerns: items(CONCERNS, form.concern as string),
    referrerTypes: items(REFERRER_TYPES, form["referrer-type"] as string),
    consent: items(CONSENT, form["consent-decision"] as string),
  });

  router.get("/contacts/new", (_request, response) => {
    response.render("pages/contact-new.njk", showForm({}, []));
  });

  router.post(
    "/contacts/new",
    page(async (request, response) => {
      const form = request.body as Form;
      const missing = missingChoices(form);
      if (missing.length > 0) {
        return response.status(400).render("pages/contact-new.njk", showForm(form, missing));
      }
      // The idempotency key was set when the form was shown: submitting twice (a double click, a
      // retry after a timeout) gives the same contact, never two.
      const answer = await ask(services, request, SubmitContactDocument, {
        input: contactInput(form),
      });
      if (!answer.data?.submitContact) {
        const errors = formErrors(answer.errors, "summary");
        return response.status(400).render("pages/contact-new.njk", showForm(form, errors));
      }
      response.redirect(303, `/contacts?submitted=${answer.data.submitContact.id}`);
    }),
  );

  router.get(
    "/screening",
    page(async (request, response) => {
      const answer = await ask(services, request, ContactsAwaitingScreeningDocument, {});
      response.render("pages/screening.njk", {
        contacts: answer.data?.contactsAwaitingScreening ?? [],
        errors: answer.errors,
      });
    }),
  );

  const screeningForm = async (
    request: Parameters<Parameters<typeof page>[0]>[0],
    contactId: string,
  ) => {
    const answer = await ask(services, request, ContactsAwaitingScreeningDocument, {});
    return answer.data?.contactsAwaitingScreening?.find((contact) => contact.id === contactId);
  };

  router.get(
    "/screening/:contactId",
    page(async (request, response) => {
      const contact = await screeningForm(request, String(request.params.contactId));
      if (!contact) return response.status(404).render("pages/not-found.njk");
      response.render("pages/screening-open.njk", {
        contact,
        agencies: items(AGENCY_NAMES, Object.keys(AGENCY_NAMES)),
        errors: [],
      });
    }),
  );

  router.post(
    "/screening/:contactId",
    page(async (request, response) => {
      const contactId = String(request.params.contactId);
      const chosen = many(request.body?.agencies);
      const answer = await ask(services, request, OpenEnquiryDocument, {
        input: { contactId, agencies: chosen as never },
      });
      const opened = answer.data?.openEnquiry;
      if (opened) return response.redirect(303, `/enquiries/${opened.id}`);
      const contact = await screeningForm(request, contactId);
      if (!contact) return response.status(404).render("pages/not-found.njk");
      response.status(400).render("pages/screening-open.njk", {
        contact,
        agencies: items(AGENCY_NAMES, chosen),
        errors: formErrors(answer.errors, "agencies", {
          agencies: "Select at least one agency to check its records",
        }),
      });
    }),
  );

  return router;
}
