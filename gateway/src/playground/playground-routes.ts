import type { Logger } from "@mash/platform/observability/logger";
import type { FastifyInstance } from "fastify";
import { PLAYGROUND_SECURITY_HEADERS } from "./content-security-policy.js";
import { loadPlaygroundAssets, type PlaygroundAssets } from "./playground-assets.js";
import { PLAYGROUND_PAGE } from "./playground-page.js";

export const PLAYGROUND_ASSET_PREFIX = "/playground/assets/";

export interface PlaygroundRouteOptions {
  logger: Logger;
  /** Where the bundle comes from; tests substitute a small one. */
  loadAssets?: () => Promise<PlaygroundAssets>;
}

/**
 * GraphiQL at `/`, its files under /playground/assets/. The bundle is loaded (or made) on the
 * first visit rather than at start, so a gateway nobody opens the playground on pays nothing.
 */
export function registerPlaygroundRoutes(app: FastifyInstance, options: PlaygroundRouteOptions) {
  const load = options.loadAssets ?? loadPlaygroundAssets;
  let pending: Promise<PlaygroundAssets> | undefined;
  const assets = (): Promise<PlaygroundAssets> => {
    pending ??= load().catch((error: unknown) => {
      // Let the next visit try again rather than remember a failure for the life of the process.
      pending = undefined;
      throw error;
    });
    return pending;
  };

  app.get("/", async (_request, reply) => {
    // Start bundling while the browser parses the page; its asset requests wait for the result.
    assets().catch((error: unknown) => options.logger.error({ err: error }, "playground bundle"));
    return reply
      .headers(PLAYGROUND_SECURITY_HEADERS)
      .header("cache-control", "no-cache")
      .type("text/html; charset=utf-8")
      .send(PLAYGROUND_PAGE);
  });

  app.get<{ Params: { file: string } }>(
    `${PLAYGROUND_ASSET_PREFIX}:file`,
    async (request, reply) => {
      let bundle: PlaygroundAssets;
      try {
        bundle = await assets();
      } catch (error) {
        options.logger.error({ err: error }, "playground bundle");
        return reply.code(503).send({ error: "The playground could not be built." });
      }
      const asset = bundle.get(request.params.file);
      if (!asset) return reply.code(404).send({ error: "No such playground file." });
      return reply
        .headers(PLAYGROUND_SECURITY_HEADERS)
        .header("cache-control", "no-cache")
        .type(asset.contentType)
        .send(asset.body);
    },
  );
}
