import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Router } from "express";
import {
  DecideEnquiryDocument,
  DecisionBasisDocument,
  type DisclosureDecision,
  type EnquiryOutcome,
  EnquiryPageDocument,
  type EnquiryRating,
  type LawfulBasis,
  RateEnquiryDocument,
  RecordHealthDisclosureDocument,
  RecordPoliceDisclosureDocument,
  RecordProbationDisclosureDocument,
  RecordSocialCareDisclosureDocument,
  type RecordSocialCareDisclosureMutationVariables,
  TakeUpCheckDocument,
} from "../__generated__/operations.js";
import { type AgencyName, checkAgencyOf, jobOf } from "../auth/roles.js";
import { errorFor, type FormError, formErrors } from "../data/form-errors.js";
import {
  DISCLOSURE_DECISIONS,
  items,
  LAWFUL_BASES,
  many,
  OUTCOMES,
  RATINGS,
} from "../presenters/choices.js";
import { AGENCY_NAMES } from "../presenters/format.js";
import { ask, type PageServices, page, userOf } from "./context.js";

type Request = Parameters<Parameters<typeof page>[0]>[0];
type Response = Parameters<Parameters<typeof page>[0]>[1];

/** Each agency's disclosure mutation: the same input, an answer named for the agency. */
type RecordDisclosure = TypedDocumentNode<
  Record<string, { id: string } | null>,
  RecordSocialCareDisclosureMutationVariables
>;
const RECORD_DISCLOSURE: Record<AgencyName, RecordDisclosure> = {
  SOCIAL_CARE: RecordSocialCareDisclosureDocument,
  POLICE: RecordPoliceDisclosureDocument,
  HEALTH: RecordHealthDisclosureDocument,
  PROBATION: RecordProbationDisclosureDocument,
};

const CHECK_FIELDS = [
  ["SOCIAL_CARE", "socialCareCheck"],
  ["POLICE", "policeCheck"],
  ["HEALTH", "healthCheck"],
  ["PROBATION", "probationCheck"],
] as const;

/**
 * The enquiry, read under itself as purpose; null when the caller is not (yet) part of it. A
 * decided enquiry is no longer a purpose anyone may declare: it is read without one, so its
 * record (rating, checks, decision) shows and the people's records do not (`closed`).
 */
async function readEnquiry(services: PageServices, request: Request, id: string) {
  const answer = await ask(services, request, EnquiryPageDocument, { id }, id);
  const closed = answer.errors.some((error) => error.extensions?.reason === "ENQUIRY_CLOSED");
  if (!closed) return { enquiry: answer.data?.enquiry ?? null, errors: answer.errors, closed };
  const again = await ask(services, request, EnquiryPageDocument, { id });
  return { enquiry: again.data?.enquiry ?? null, errors: again.errors, closed };
}

function notPartOfIt(errors: readonly { extensions?: Record<string, unknown> }[]) {
  return errors.some((error) =>
    ["FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"].includes(String(error.extensions?.code)),
  );
}

/** The enquiry page and the steps taken from it: rate, take up, answer the check, decide. */
export function enquiryRoutes(services: PageServices): Router {
  const router = Router();

  async function show(request: Request, response: Response, extra: Record<string, unknown> = {}) {
    const id = String(request.params.id);
    const user = userOf(request);
    const { enquiry, errors, closed } = await readEnquiry(services, request, id);
    const agency = checkAgencyOf(user);
    if (!enquiry) {
      if (agency && notPartOfIt(errors)) {
        // Not on the enquiry yet: the practitioner takes up their agency's check first.
        return response.render("pages/take-up.njk", { id, agency, ...extra });
      }
      return response.status(404).render("pages/not-found.njk");
    }
    const checks = CHECK_FIELDS.map(([name, field]) => ({ name, check: enquiry[field] }));
    const own = checks.find((entry) => entry.name === agency)?.check;
    response.render("pages/enquiry.njk", {
      enquiry,
      checks,
      job: jobOf(user),
      agency,
      ownCheck: own,
      closed,
      answered: request.query.answered !== undefined,
      decided: request.query.decided !== undefined,
      downstream: errors.filter((error) => error.extensions?.code === "DOWNSTREAM_SERVICE_ERROR"),
      ratings: items(RATINGS, undefined),
      ...extra,
    });
  }

  router.get(
    "/enquiries/:id",
    page((request, response) => show(request, response)),
  );

  router.post(
    "/enquiries/:id/take-up",
    page(async (request, response) => {
      const id = String(request.params.id);
      const answer = await ask(services, request, TakeUpCheckDocument, {
        input: { enquiryId: id },
      });
      if (!answer.data?.takeUpAgencyCheck) {
        const agency = checkAgencyOf(userOf(request));
        return response.status(400).render("pages/take-up.njk", {
          id,
          agency,
          errors: formErrors(answer.errors, "take-up"),
        });
      }
      response.redirect(303, `/enquiries/${id}`);
    }),
  );

  router.post(
    "/enquiries/:id/rating",
    page(async (request, response) => {
      const id = String(request.params.id);
      const rating = String(request.body?.rating ?? "");
      const rationale = String(request.body?.rationale ?? "");
      const errors: FormError[] = rating ? [] : [{ field: "rating", text: "Select a rating" }];
      if (errors.length === 0) {
        const answer = await ask(services, request, RateEnquiryDocument, {
          input: {
            enquiryId: id,
            expectedVersion: Number(request.body?.version),
            rating: rating as EnquiryRating,
            rationale,
          },
        });
        if (answer.data?.rateEnquiry) return response.redirect(303, `/enquiries/${id}#rating`);
        errors.push(...formErrors(answer.errors, "rationale"));
      }
      response.status(400);
      return show(request, response, {
        errors,
        ratingErrors: {
          rating: errorFor(errors, "rating"),
          rationale: errorFor(errors, "rationale"),
        },
        ratingForm: { rating, rationale },
      });
    }),
  );

  // Answering the agency's check: the disclosure, recorded in the agency's own subgraph.
  async function disclosureForm(
    request: Request,
    response: Response,
    form: Record<string, unknown>,
    errors: FormError[],
  ) {
    const id = String(request.params.id);
    const { enquiry } = await readEnquiry(services, request, id);
    const agency = checkAgencyOf(userOf(request));
    if (!enquiry || !agency) return response.status(404).render("pages/not-found.njk");
    const people = [
      enquiry.subject,
      ...(enquiry.subject && "household" in enquiry.subject
        ? ((enquiry.subject.household as { members?: unknown[] } | null)?.members ?? [])
        : []),
    ];
    response.render("pages/disclosure.njk", {
      enquiry,
      agency,
      agencyName: AGENCY_NAMES[agency],
      people: people.filter(Boolean),
      decisions: items(DISCLOSURE_DECISIONS, form.decision as string),
      lawfulBases: items(LAWFUL_BASES, many(form.lawfulBasis)),
      form,
      errors,
    });
  }

  router.get(
    "/enquiries/:id/disclosure",
    page((request, response) => disclosureForm(request, response, {}, [])),
  );

  router.post(
    "/enquiries/:id/disclosure",
    page(async (request, response) => {
      const id = String(request.params.id);
      const agency = checkAgencyOf(userOf(request)) as AgencyName | undefined;
      const form = request.body as Record<string, unknown>;
      const decision = String(form.decision ?? "") as DisclosureDecision;
      if (!agency) return response.status(403).render("pages/not-found.njk");
      if (!decision) {
        response.status(400);
        return disclosureForm(request, response, form, [
          { field: "decision", text: "Select what your agency decides" },
        ]);
      }
      const answer = await ask(
        services,
        request,
        RECORD_DISCLOSURE[agency],
        {
          input: {
            enquiryId: id,
            decision,
            subjectIds: many(form.subjectIds),
            summary:
              decision === "DECLINED" ? undefined : String(form.summary ?? "").trim() || undefined,
            lawfulBasis:
              decision === "SHARED" ? (many(form.lawfulBasis) as LawfulBasis[]) : undefined,
            declineReason: decision === "DECLINED" ? String(form.declineReason ?? "") : undefined,
          },
        },
        id,
      );
      const recorded = answer.data && Object.values(answer.data)[0];
      if (recorded) return response.redirect(303, `/enquiries/${id}?answered=1`);
      response.status(400);
      return disclosureForm(
        request,
        response,
        form,
        formErrors(answer.errors, "decision", {
          subjectIds: "Select who the answer is about",
        }),
      );
    }),
  );

  // The manager's decision: the outstanding checks come from the agencies (decisionBasis).
  async function decisionForm(
    request: Request,
    response: Response,
    form: Record<string, unknown>,
    errors: FormError[],
  ) {
    const id = String(request.params.id);
    const answer = await ask(services, request, DecisionBasisDocument, { id }, id);
    const basis = answer.data?.enquiry;
    if (!basis) return response.status(404).render("pages/not-found.njk");
    response.render("pages/decision.njk", {
      basis,
      outcomes: items(OUTCOMES, form.outcome as string),
      form,
      errors: [...errors, ...formErrors(answer.errors, "outcome")],
    });
  }

  router.get(
    "/enquiries/:id/decision",
    page((request, response) => decisionForm(request, response, {}, [])),
  );

  router.post(
    "/enquiries/:id/decision",
    page(async (request, response) => {
      const id = String(request.params.id);
      const form = request.body as Record<string, unknown>;
      const outcome = String(form.outcome ?? "");
      if (!outcome) {
        response.status(400);
        return decisionForm(request, response, form, [
          { field: "outcome", text: "Select the decision" },
        ]);
      }
      const answer = await ask(services, request, DecideEnquiryDocument, {
        input: {
          enquiryId: id,
          expectedVersion: Number(form.version),
          outcome: outcome as EnquiryOutcome,
          rationale: String(form.rationale ?? ""),
          referrerFeedback: String(form.referrerFeedback ?? ""),
          checksBasis: String(form.checksBasis ?? "") || undefined,
          outstandingChecksOverrideReason:
            String(form.outstandingChecksOverrideReason ?? "").trim() || undefined,
        },
      });
      if (answer.data?.decideEnquiry) return response.redirect(303, `/enquiries/${id}?decided=1`);
      response.status(400);
      return decisionForm(
        request,
        response,
        form,
        formErrors(answer.errors, "outcome", {
          outstandingChecksOverrideReason:
            "Say why you are deciding before every agency has answered (10 to 2000 characters)",
        }),
      );
    }),
  );

  return router;
}
