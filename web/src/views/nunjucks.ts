import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Express } from "express";
import nunjucks from "nunjucks";
import { NOT_SHARED } from "../data/not-shared.js";
import { GOVUK_FRONTEND, MOJ_FRONTEND } from "../middleware/static-resources.js";
import * as format from "../presenters/format.js";

// The templates stay in src/views: the same folder whether this runs from src/ or a build in dist/.
const VIEWS = fileURLToPath(new URL("../../src/views/", import.meta.url));

/**
 * Nunjucks with the GOV.UK and MOJ macros on its path (`govuk/components/…`, `moj/components/…`),
 * autoescaping on, and the presenters as filters. An agency theming the front end puts its own
 * folder first with WEB_VIEWS_OVERRIDE (see docs/front-end.md).
 */
export function setUpViews(app: Express, overrides?: string): nunjucks.Environment {
  const paths = [
    ...(overrides ? [overrides] : []),
    VIEWS,
    join(GOVUK_FRONTEND, "dist"),
    MOJ_FRONTEND,
  ];
  const env = nunjucks.configure(paths, { autoescape: true, express: app, noCache: false });
  app.set("view engine", "njk");
  env.addFilter("govukDate", format.govukDate);
  env.addFilter("timeLeft", (value: string) => format.timeLeft(value));
  env.addFilter("words", format.words);
  env.addFilter("agencyName", format.agencyName);
  env.addFilter("statusTag", format.statusTag);
  env.addFilter("ratingTag", format.ratingTag);
  env.addFilter("personName", format.personName);
  env.addFilter("isOwed", format.isOwed);
  env.addGlobal("NOT_SHARED_TEXT", "Not shared with your role");
  // Form errors ({ field, text }) and the gateway's other errors ({ message }) for the summary.
  env.addGlobal("errorList", (errors: { field?: string; text?: string; message?: string }[]) =>
    errors.map((error) => ({
      text: error.text ?? error.message ?? "Something went wrong",
      ...(error.field ? { href: `#${error.field}` } : {}),
    })),
  );
  env.addGlobal(
    "errorFor",
    (errors: { field?: string; text?: string }[] | undefined, field: string) => {
      const found = errors?.find((error) => error.field === field);
      return found ? { text: found.text } : undefined;
    },
  );
  env.addFilter("notShared", (value: unknown) => value === NOT_SHARED);
  return env;
}
