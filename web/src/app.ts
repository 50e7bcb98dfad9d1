import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { Logger } from "pino";
import { type OidcSignIn, oidcSignIn } from "./auth/oidc.js";
import { personaRoutes } from "./auth/personas.js";
import { jobOf } from "./auth/roles.js";
import type { WebConfig } from "./config.js";
import { createGatewayClient, GatewayUnavailable, SignInAgain } from "./data/gateway-client.js";
import { csrfProtection } from "./middleware/csrf.js";
import { requireSignIn } from "./middleware/require-sign-in.js";
import { staticResources } from "./middleware/static-resources.js";
import { webSecurity } from "./middleware/web-security.js";
import { webSession } from "./middleware/web-session.js";
import { accessLogRoutes } from "./routes/access-log.js";
import { contactRoutes } from "./routes/contacts.js";
import { page, userOf } from "./routes/context.js";
import { enquiryRoutes } from "./routes/enquiry.js";
import { matchRoutes } from "./routes/matches.js";
import { workQueueRoutes } from "./routes/work-queue.js";
import { setUpViews } from "./views/nunjucks.js";

const PUBLIC = fileURLToPath(new URL("../public", import.meta.url));

export interface WebApp {
  app: Express;
  close(): Promise<void>;
}

/**
 * The front end, assembled: security headers, static assets, session, sign-in, CSRF, the pages,
 * and errors. Each piece is its own file under middleware/, auth/ and routes/.
 */
export async function createWebApp(config: WebConfig, logger: Logger): Promise<WebApp> {
  const app = express();
  const secure = config.publicUrl.protocol === "https:";
  app.disable("x-powered-by");
  if (secure) app.set("trust proxy", 1);
  setUpViews(app, process.env.WEB_VIEWS_OVERRIDE);

  app.use((request, response, next) => {
    request.id = randomUUID();
    response.locals.serviceName = "MASH";
    next();
  });
  app.use(webSecurity(secure));
  app.get("/healthz", (_request, response) => {
    response.json({ status: "ok" });
  });
  app.get("/readyz", async (_request, response) => {
    const gateway = config.gatewayUrl.replace(/\/graphql$/, "/healthz");
    const ok = await fetch(gateway, { signal: AbortSignal.timeout(2_000) })
      .then((answer) => answer.ok)
      .catch(() => false);
    response.status(ok ? 200 : 503).json({ status: ok ? "ready" : "gateway unreachable" });
  });
  app.use(staticResources(PUBLIC));
  const session = webSession({
    secret: config.sessionSecret,
    minutes: config.sessionMinutes,
    secure,
    redisUrl: config.redisUrl,
  });
  app.use(session.handler);
  app.use(express.urlencoded({ extended: true, limit: "100kb" }));
  const csrf = csrfProtection();
  app.use(csrf.token);
  app.use(csrf.protect);

  let oidc: OidcSignIn | undefined;
  if (config.signIn.kind === "oidc") {
    oidc = await oidcSignIn(config.signIn, config.publicUrl, logger);
    app.use(oidc.router);
  } else {
    app.use(personaRoutes(config.gatewayUrl, config.gatewayTimeoutMs));
  }
  app.post("/sign-out", (request, response) => {
    const endSession = oidc?.endSessionUrl(request.session.idToken, "/signed-out");
    request.session.destroy(() => {
      response.clearCookie("mash.sid");
      response.redirect(303, endSession ?? "/signed-out");
    });
  });
  app.get("/signed-out", (_request, response) => {
    response.render("pages/signed-out.njk");
  });

  app.use(requireSignIn(oidc));
  app.use((request, response, next) => {
    response.locals.job = jobOf(userOf(request));
    next();
  });
  const services = {
    gateway: createGatewayClient({
      url: config.gatewayUrl,
      timeoutMs: config.gatewayTimeoutMs,
      logger,
    }),
  };
  app.get(
    "/",
    page(async (request, response) => {
      const home: Record<string, string> = {
        referrer: "/contacts",
        researcher: "/matches",
        dpo: "/access-log",
      };
      response.redirect(303, home[jobOf(userOf(request))] ?? "/work-queue");
    }),
  );
  app.use(workQueueRoutes(services));
  app.use(contactRoutes(services));
  app.use(enquiryRoutes(services));
  app.use(matchRoutes(services));
  app.use(accessLogRoutes(services));

  app.use((_request, response) => {
    response.status(404).render("pages/not-found.njk");
  });
  app.use(csrf.refused);
  const failed: ErrorRequestHandler = (error, request, response, _next) => {
    if (error instanceof SignInAgain) {
      return request.session.destroy(() => response.redirect(303, "/sign-in"));
    }
    const unavailable = error instanceof GatewayUnavailable;
    logger.error({ requestId: request.id, error: (error as Error).name }, "page failed");
    response.status(unavailable ? 503 : 500).render("pages/error.njk", {
      title: unavailable
        ? "Sorry, the service is unavailable"
        : "Sorry, there is a problem with the service",
      message: unavailable
        ? "The MASH graph did not answer. Try again in a few minutes."
        : "Try again later. If it keeps happening, tell the MASH's system administrator.",
    });
  };
  app.use(failed);

  return { app, close: session.close };
}
