import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Router } from "express";
import {
  DecideHealthMatchDocument,
  DecidePoliceMatchDocument,
  type DecidePoliceMatchMutationVariables,
  DecideProbationMatchDocument,
  HealthCandidatesDocument,
  HealthReviewQueueDocument,
  type MatchDecision,
  PoliceCandidatesDocument,
  type PoliceCandidatesQueryVariables,
  PoliceReviewQueueDocument,
  type PoliceReviewQueueQueryVariables,
  ProbationCandidatesDocument,
  ProbationReviewQueueDocument,
  RevokeHealthLinkDocument,
  RevokePoliceLinkDocument,
  type RevokePoliceLinkMutationVariables,
  RevokeProbationLinkDocument,
  SubjectSearchDocument,
} from "../__generated__/operations.js";
import { researchAgencyOf } from "../auth/roles.js";
import { type FormError, formErrors } from "../data/form-errors.js";
import { AGENCY_NAMES } from "../presenters/format.js";
import { ask, type PageServices, page, userOf } from "./context.js";

/**
 * The researcher's review of record links: the agency's queue of proposed and conflicting pairs
 * (conflicts first, then by band and score, each with its score and reasons), a subject's candidate
 * records with every field's agreement and weight and the pair's history; confirm or reject a
 * proposal, revoke a link, each with a reason. Each agency's queries and actions are one entry of
 * the tables below (docs/front-end.md).
 */
type Researched = "POLICE" | "HEALTH" | "PROBATION";
/** One agency's candidates query: the subject with `<agency>Matches`, each candidate alike. */
type Candidates = TypedDocumentNode<
  { subject: (Record<string, unknown> & { id: string }) | null },
  PoliceCandidatesQueryVariables
>;
type Queue = TypedDocumentNode<Record<string, unknown[] | null>, PoliceReviewQueueQueryVariables>;
type Decide = TypedDocumentNode<
  Record<string, { id: string; status: string } | null>,
  DecidePoliceMatchMutationVariables
>;
type Revoke = TypedDocumentNode<
  Record<string, { id: string; status: string } | null>,
  RevokePoliceLinkMutationVariables
>;

interface AgencyMatching {
  candidates: Candidates;
  field: string;
  queue: Queue;
  decide: Decide;
  revoke: Revoke;
}

const MATCHING: Record<Researched, AgencyMatching> = {
  POLICE: {
    candidates: PoliceCandidatesDocument,
    field: "policeMatches",
    queue: PoliceReviewQueueDocument,
    decide: DecidePoliceMatchDocument,
    revoke: RevokePoliceLinkDocument,
  },
  HEALTH: {
    candidates: HealthCandidatesDocument,
    field: "healthMatches",
    queue: HealthReviewQueueDocument,
    decide: DecideHealthMatchDocument,
    revoke: RevokeHealthLinkDocument,
  },
  PROBATION: {
    candidates: ProbationCandidatesDocument,
    field: "probationMatches",
    queue: ProbationReviewQueueDocument,
    decide: DecideProbationMatchDocument,
    revoke: RevokeProbationLinkDocument,
  },
};

/** Pairs per page of the review queue. */
const QUEUE_PAGE = 20;

type Request = Parameters<Parameters<typeof page>[0]>[0];
type Response = Parameters<Parameters<typeof page>[0]>[1];

interface Reason {
  field: string;
  agreement: string;
  weight: number;
}

/** The reasons that weighed most either way: what a queue row says about why it is there. */
function strongestReasons(reasons: readonly Reason[] | null | undefined, count = 3): Reason[] {
  return [...(reasons ?? [])]
    .filter((reason) => reason.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, count);
}

export function matchRoutes(services: PageServices): Router {
  const router = Router();

  router.get(
    "/matches",
    page(async (request, response) => {
      const agency = researchAgencyOf(userOf(request));
      if (!agency) return response.status(404).render("pages/not-found.njk");
      const query = request.query as Record<string, string | undefined>;
      const filter = {
        familyName: query.familyName?.trim() || undefined,
        givenName: query.givenName?.trim() || undefined,
        postcode: query.postcode?.trim() || undefined,
      };
      const searched = Object.values(filter).some(Boolean);
      const offset = Math.max(0, Math.floor(Number(query.offset) || 0));
      // One more than a page: whether there is a next page, without counting the whole queue.
      const [queue, search] = await Promise.all([
        ask(services, request, MATCHING[agency].queue, { first: QUEUE_PAGE + 1, offset }),
        searched
          ? ask(services, request, SubjectSearchDocument, {
              filter,
              first: 20,
              after: query.after || undefined,
            })
          : undefined,
      ]);
      const pairs = (Object.values(queue.data ?? {})[0] ?? []) as (Record<string, unknown> & {
        reasons?: Reason[] | null;
      })[];
      response.render("pages/matches.njk", {
        agency,
        query: filter,
        searched,
        queue: pairs
          .slice(0, QUEUE_PAGE)
          .map((pair) => ({ ...pair, strongest: strongestReasons(pair.reasons) })),
        pagination: {
          previous: offset > 0 ? `?offset=${Math.max(0, offset - QUEUE_PAGE)}` : undefined,
          next: pairs.length > QUEUE_PAGE ? `?offset=${offset + QUEUE_PAGE}` : undefined,
          from: offset + 1,
        },
        subjects: search?.data?.subjects?.nodes ?? [],
        next: search?.data?.subjects?.pageInfo?.hasNextPage
          ? search.data.subjects.pageInfo.endCursor
          : null,
        errors: [...queue.errors, ...(search?.errors ?? [])],
      });
    }),
  );

  async function candidates(request: Request, response: Response, errors: FormError[]) {
    const agency = researchAgencyOf(userOf(request));
    if (!agency) return response.status(404).render("pages/not-found.njk");
    const { candidates: document, field } = MATCHING[agency];
    const answer = await ask(services, request, document, { id: String(request.params.subjectId) });
    const subject = answer.data?.subject as Record<string, unknown> | null | undefined;
    if (!subject) return response.status(404).render("pages/not-found.njk");
    // What was just decided: rejected and revoked pairs leave the subject's candidates, so the
    // banner is where the researcher sees it happened.
    const decided =
      typeof request.query.decided === "string"
        ? { candidateId: request.query.decided, outcome: String(request.query.outcome ?? "") }
        : undefined;
    response.render("pages/match-subject.njk", {
      agency,
      agencyName: AGENCY_NAMES[agency],
      subject,
      candidates: (subject[field] as unknown[] | null) ?? [],
      decided,
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
      const reason = String(request.body?.reason ?? "");
      const revoking = request.body?.action === "revoke";
      const decision = String(request.body?.decision ?? "") as MatchDecision;
      if (!revoking && !decision) {
        response.status(400);
        return candidates(request, response, [
          { field: `decision-${candidateId}`, text: "Select whether the record is this person" },
        ]);
      }
      const answer = revoking
        ? await ask(services, request, MATCHING[agency].revoke, { input: { candidateId, reason } })
        : await ask(services, request, MATCHING[agency].decide, {
            input: { candidateId, decision, reason },
          });
      const decided = answer.data && Object.values(answer.data)[0];
      if (decided) {
        const outcome = encodeURIComponent(String(decided.status ?? ""));
        return response.redirect(
          303,
          `/matches/subjects/${request.params.subjectId}?decided=${encodeURIComponent(candidateId)}&outcome=${outcome}`,
        );
      }
      response.status(400);
      const field = `${revoking ? "revoke-reason" : "reason"}-${candidateId}`;
      return candidates(
        request,
        response,
        formErrors(answer.errors, field, {
          reason: "Give the reason for your decision (3 to 2000 characters)",
        }).map((error) => ({
          ...error,
          field: error.field === "reason" ? field : error.field,
        })),
      );
    }),
  );

  return router;
}
