import { findPersona, PERSONAS } from "@mash/schema/authorization/personas";
import type { FastifyInstance } from "fastify";
import { issueDevToken } from "./issue-token.js";

/** Long enough for a session in the playground; a page reload asks for a new one anyway. */
const PLAYGROUND_TOKEN_LIFETIME = "1h";

/**
 * `GET /dev/personas` and `GET /dev/token?persona=<key>`: what the playground's persona picker
 * asks for. Registered only where the gateway trusts the development identity provider (see
 * trustsDevIdentityProvider), so everywhere else both answer 404 like any unknown path.
 */
export function registerDevTokenRoutes(app: FastifyInstance) {
  app.get("/dev/personas", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({
      personas: PERSONAS.map(({ key, displayName, agency, description }) => ({
        key,
        displayName,
        agency,
        description,
      })),
    }),
  );

  app.get<{ Querystring: { persona?: string } }>("/dev/token", async (request, reply) => {
    const persona = findPersona(request.query.persona ?? "");
    if (!persona) {
      return reply.code(400).send({
        error: `Unknown persona; expected one of ${PERSONAS.map((p) => p.key).join(", ")}`,
      });
    }
    const token = await issueDevToken(persona, { expiresIn: PLAYGROUND_TOKEN_LIFETIME });
    return reply.header("cache-control", "no-store").send({ token, persona: persona.key });
  });
}
