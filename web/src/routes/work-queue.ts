import { Router } from "express";
import {
  ContactsAwaitingScreeningDocument,
  type QueueEnquiryFragment,
  WorkQueueDocument,
} from "../__generated__/operations.js";
import { checkAgencyOf, jobOf } from "../auth/roles.js";
import { isOwed } from "../presenters/format.js";
import { ask, type PageServices, page, userOf } from "./context.js";

const PAGE_SIZE = 20;
/** The gateway's largest page: a MASH's active enquiries fit in it many times over. */
const QUEUE_LIMIT = 200;

const CHECK_FIELD = {
  SOCIAL_CARE: "socialCareCheck",
  POLICE: "policeCheck",
  HEALTH: "healthCheck",
  PROBATION: "probationCheck",
} as const;

/** The agency's own status of a queued enquiry (the agency says it, not social care). */
function statusFor(enquiry: QueueEnquiryFragment, agency: keyof typeof CHECK_FIELD) {
  const check = enquiry[CHECK_FIELD[agency]];
  return check && "status" in check ? check.status : undefined;
}

/** The home page of the MASH team: the work queue, per role (docs/front-end.md). */
export function workQueueRoutes(services: PageServices): Router {
  const router = Router();

  router.get(
    "/work-queue",
    page(async (request, response) => {
      const user = userOf(request);
      const job = jobOf(user);
      const agency = job === "manager" ? undefined : checkAgencyOf(user);
      const answer = await ask(services, request, WorkQueueDocument, {
        agency,
        first: QUEUE_LIMIT,
      });
      const all = answer.data?.workQueue ?? [];
      // An agency's queue holds every enquiry that asked it; what it still owes comes first.
      const owed = agency ? all.filter((enquiry) => isOwed(statusFor(enquiry, agency))) : all;
      const answered = agency ? all.filter((enquiry) => !isOwed(statusFor(enquiry, agency))) : [];
      const pages = Math.max(1, Math.ceil(owed.length / PAGE_SIZE));
      const current = Math.min(pages, Math.max(1, Number(request.query.page) || 1));
      const screening =
        job === "social-worker" || job === "manager"
          ? ((await ask(services, request, ContactsAwaitingScreeningDocument, {})).data
              ?.contactsAwaitingScreening ?? [])
          : [];
      response.render("pages/work-queue.njk", {
        agency,
        job,
        enquiries: owed.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((enquiry) => ({
          ...enquiry,
          ownStatus: agency ? statusFor(enquiry, agency) : undefined,
        })),
        answered,
        total: owed.length,
        pagination: {
          current,
          pages,
          previous: current > 1 ? `?page=${current - 1}` : undefined,
          next: current < pages ? `?page=${current + 1}` : undefined,
        },
        screening,
        // The gateway's largest page was full: there may be more than the queue shows.
        truncated: all.length >= QUEUE_LIMIT ? QUEUE_LIMIT : 0,
        errors: answer.errors,
      });
    }),
  );

  return router;
}
