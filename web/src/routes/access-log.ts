import { Router } from "express";
import {
  AccessAnomaliesDocument,
  AccessLogDocument,
  BreakGlassGrantsDocument,
  type BreakGlassReviewStatus,
  ReviewBreakGlassDocument,
} from "../__generated__/operations.js";
import { formErrors } from "../data/form-errors.js";
import { ask, type PageServices, page } from "./context.js";

const WEEK_MS = 7 * 86_400_000;

/** The data protection officer's review: the access log, its anomalies, break-glass grants. */
export function accessLogRoutes(services: PageServices): Router {
  const router = Router();

  router.get(
    "/access-log",
    page(async (request, response) => {
      const query = request.query as Record<string, string | undefined>;
      const filter = {
        subjectId: query.subjectId?.trim() || undefined,
        principalId: query.principalId?.trim() || undefined,
        enquiryId: query.enquiryId?.trim() || undefined,
        deniedOnly: query.deniedOnly === "yes" || undefined,
      };
      const to = new Date();
      const [log, anomalies] = await Promise.all([
        ask(services, request, AccessLogDocument, {
          filter,
          first: 50,
          after: query.after || undefined,
        }),
        ask(services, request, AccessAnomaliesDocument, {
          from: new Date(to.getTime() - WEEK_MS).toISOString(),
          to: to.toISOString(),
        }),
      ]);
      response.render("pages/access-log.njk", {
        filter,
        entries: log.data?.accessLog?.entries ?? [],
        next: log.data?.accessLog?.endCursor ?? null,
        anomalies: anomalies.data?.accessAnomalies ?? null,
        errors: [...log.errors, ...anomalies.errors],
      });
    }),
  );

  async function grants(
    request: Parameters<Parameters<typeof page>[0]>[0],
    response: Parameters<Parameters<typeof page>[0]>[1],
    errors: ReturnType<typeof formErrors>,
  ) {
    const answer = await ask(services, request, BreakGlassGrantsDocument, { status: "PENDING" });
    response.render("pages/break-glass.njk", {
      grants: answer.data?.breakGlassGrants ?? [],
      errors: [...errors, ...formErrors(answer.errors, "grants")],
      reviewed: typeof request.query.reviewed === "string",
    });
  }

  router.get(
    "/break-glass",
    page((request, response) => grants(request, response, [])),
  );

  router.post(
    "/break-glass/:grantId",
    page(async (request, response) => {
      const grantId = String(request.params.grantId);
      const answer = await ask(services, request, ReviewBreakGlassDocument, {
        input: {
          grantId,
          outcome: String(request.body?.outcome ?? "") as BreakGlassReviewStatus,
          note: String(request.body?.note ?? ""),
        },
      });
      if (answer.data?.reviewBreakGlass) return response.redirect(303, "/break-glass?reviewed=1");
      response.status(400);
      return grants(
        request,
        response,
        formErrors(answer.errors, `note-${grantId}`).map((error) => ({
          ...error,
          field:
            error.field === "note" || error.field === "outcome"
              ? `${error.field}-${grantId}`
              : error.field,
        })),
      );
    }),
  );

  return router;
}
