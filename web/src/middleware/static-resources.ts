import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import express, { Router } from "express";

const require = createRequire(import.meta.url);

/** Where an installed package's folder is (its entry point may sit deep inside it). */
export function packageFolder(name: string): string {
  const entry = require.resolve(name);
  const marker = `node_modules/${name}/`;
  const at = entry.lastIndexOf(marker);
  return at >= 0 ? entry.slice(0, at + marker.length - 1) : dirname(entry);
}

export const GOVUK_FRONTEND = packageFolder("govuk-frontend");
export const MOJ_FRONTEND = packageFolder("@ministryofjustice/frontend");

/** The design systems' styles, scripts, fonts and images, and the front end's own, from installed packages. */
export function staticResources(publicFolder: string): Router {
  const router = Router();
  const options = { maxAge: "1h", index: false as const };
  router.use("/assets", express.static(join(GOVUK_FRONTEND, "dist/govuk/assets"), options));
  router.use("/assets/moj", express.static(join(MOJ_FRONTEND, "moj/assets"), options));
  router.use("/govuk", express.static(join(GOVUK_FRONTEND, "dist/govuk"), options));
  router.use("/moj", express.static(join(MOJ_FRONTEND, "moj"), options));
  router.use("/public", express.static(publicFolder, options));
  return router;
}
