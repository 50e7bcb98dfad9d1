import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Router } from "express";
import {
  DecideHealthMatchDocument,
  DecidePoliceMatchDocument,
  type DecidePoliceMatchMutationVariables,
  DecideProbationMatchDocument,
  HealthCandidatesDocument,
  type MatchDecision,
  PoliceCandidatesDocument,
  type PoliceCandidatesQueryVariables,
  ProbationCandidatesDocument,
  SubjectSearchDocument,
} from "../__generated__/operations.js";
import { researchAgencyOf } from "../auth/roles.js";
import { formErrors } from "../data/form-errors.js";
import { AGENCY_NAMES } from "../presenters/format.js";
import { ask, type PageServices, page, userOf } from "./context.js";

/**
 * The researcher's review of record matches, on today's API: find a subject, see the agency's
 * candidate records for them (score, band, every field's agreement and weight), confirm or reject
 * with a reason. Each agency's candidates and decision are one entry of the tables below, so the
 * link history, conflicts and revoke that record linkage adds (issue 12) are one more query and
 * one more action each (docs/front-end.md).
 */
type Researched = "POLICE" | "HEALTH" | "PROBATION";
/** One agency's candidates query: the subject with `<agency>Matches`, each candidate alike. */
type Candidates = TypedDocumentNode<
  { subject: (Record<string, unknown> & { id: string }) | null },
  PoliceCandidatesQueryVariables
>;
type Decide = TypedDocumentNode<
  Record<string, { id: string } | null>,
  DecidePoliceMatchMutationVariables
>;

const CANDIDATES: Record<Researched, { document: Candidates; field: string }> = {
  POLICE: { document: PoliceCandidatesDocument, field: "policeMatches" },
  HEALTH: { document: HealthCandidatesDocument, field: "healthMatches" },
  PROBATION: { document: ProbationCandidatesDocument, field: "probationMatches" },
};

const DECIDE: Record<Researched, Decide> = {
  POLICE: DecidePoliceMatchDocument,
  HEALTH: DecideHealthMatchDocument,
  PROBATION: DecideProbationMatchDocument,
};

export function matchRoutes(services: PageServices): Router {
  const router = Router();

  router.get(
    "/matches",
    page(async (request, response) => {
      const query = request.query as Record<string, string | undefined>;
      const filter = {
        familyName: query.familyName?.trim() || undefined,
        givenName: query.givenName?.trim() || undefined,
        postcode: query.postcode?.trim() || undefined,
      };
      const searched = Object.values(filter).some(Boolean);
      const answer = await ask(services, request, SubjectSearchDocument, {
        filter: searched ? filter : undefined,
        first: 20,
        after: query.after || undefined,
      });
      response.render("pages/matches.njk", {
        agency: researchAgencyOf(userOf(request)),
        query: filter,
        subjects: answer.data?.subjects?.nodes ?? [],
        next: answer.data?.subjects?.pageInfo?.hasNextPage
          ? answer.data.subjects.pageInfo.endCursor
          : null,
        errors: answer.errors,
      });
    }),
  );

  async function candidates(
    request: Parameters<Parameters<typeof page>[0]>[0],
    response: Parameters<Parameters<typeof page>[0]>[1],
    errors: ReturnType<typeof formErrors>,
  ) {
    const agency = researchAgencyOf(userOf(request));
    if (!agency) return response.status(404).render("pages/not-found.njk");
    const { document, field } = CANDIDATES[agency];
    const answer = await ask(services, request, document, { id: String(request.params.subjectId) });
    const subject = answer.data?.subject as Record<string, unknown> | null | undefined;
    if (!subject) return response.status(404).render("pages/not-found.njk");
    response.render("pages/match-subject.njk", {
      agency,
      agencyName: AGENCY_NAMES[agency],
      subject,
      candidates: (subject[field] as unknown[] | null) ?? [],
      errors: [...errors, ...formErrors(answer.errors, "candidates")],
    });
  }

  router.get(
    "/matches/subjects/:subjectId",
    page((request, response) => candidates(request, response, [])),
  );

  router.post(
    "/matches/subjects/:subjectId",
    page(async (request, response) => {
      const agency = researchAgencyOf(userOf(request));
      if (!agency) return response.status(404).render("pages/not-found.njk");
      const candidateId = String(request.body?.candidateId ?? "");
      const decision = String(request.body?.decision ?? "") as MatchDecision;
      const answer = await ask(services, request, DECIDE[agency], {
        input: { candidateId, decision, reason: String(request.body?.reason ?? "") },
      });
      if (answer.data && Object.values(answer.data)[0]) {
        return response.redirect(
          303,
          `/matches/subjects/${request.params.subjectId}?decided=${candidateId}`,
        );
      }
      response.status(400);
      return candidates(
        request,
        response,
        formErrors(answer.errors, `reason-${candidateId}`, {
          reason: "Give the reason for your decision (10 to 2000 characters)",
        }).map((error) => ({
          ...error,
          field: error.field === "reason" ? `reason-${candidateId}` : error.field,
        })),
      );
    }),
  );

  return router;
}
