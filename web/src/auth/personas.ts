import { type Request, type Response, Router } from "express";
import { userFromToken } from "./session-user.js";

/**
 * Development sign-in: choose a persona, as in the playground. The token comes from the gateway's
 * own `/dev/token` (served only where the gateway trusts the committed development identity
 * provider), so the front end holds no keys and stays a client of the gateway.
 */

interface Persona {
  key: string;
  displayName: string;
  agency: string;
  description: string;
}

export function personaRoutes(gatewayUrl: string, timeoutMs: number): Router {
  const base = gatewayUrl.replace(/\/graphql$/, "");
  const router = Router();

  async function personas(): Promise<Persona[]> {
    const response = await fetch(`${base}/dev/personas`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`The gateway offers no personas (${response.status}).`);
    return ((await response.json()) as { personas: Persona[] }).personas;
  }

  const page = async (_request: Request, response: Response, error?: string) =>
    response.render("pages/sign-in-persona.njk", { personas: await personas(), error });

  router.get("/sign-in", (request, response) => page(request, response));

  router.post("/sign-in", async (request, response) => {
    const key = String(request.body?.persona ?? "");
    const known = (await personas()).some((persona) => persona.key === key);
    if (!known) return page(request, response, "Choose who to sign in as");
    const answer = await fetch(`${base}/dev/token?persona=${encodeURIComponent(key)}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!answer.ok) throw new Error(`The gateway gave no token (${answer.status}).`);
    const { token } = (await answer.json()) as { token: string };
    const { user, expiresAt } = userFromToken(token);
    // A new session id at sign-in: a session fixed before it cannot be carried into it.
    request.session.regenerate((error) => {
      if (error) throw error;
      request.session.user = user;
      request.session.token = token;
      request.session.tokenExpiresAt = expiresAt;
      request.session.save(() => response.redirect(303, "/"));
    });
  });

  return router;
}
