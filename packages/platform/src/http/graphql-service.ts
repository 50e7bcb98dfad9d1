import { randomUUID } from "node:crypto";
import type { ApolloServer, BaseContext } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Logger } from "../observability/logger.js";
import type { ServiceMetrics } from "../observability/metrics.js";
import { serveTraced } from "../observability/tracing.js";

export interface GraphQLServiceOptions<TContext extends BaseContext> {
  service: string;
  host: string;
  port: number;
  logger: Logger;
  metrics: ServiceMetrics;
  apollo: ApolloServer<TContext>;
  context: (request: FastifyRequest) => Promise<TContext>;
  /** Throws when the service cannot serve its data (readiness, not liveness). */
  checkReady: () => Promise<void>;
  /**
   * Whether to adopt a caller's `x-request-id` as the request's id (subgraphs, which only the
   * gateway calls, so the gateway's id runs through every log). The gateway itself sets this to
   * false: a client must not choose the id its requests are recorded under.
   */
  adoptIncomingRequestId?: boolean;
  /** Routes beyond /graphql, /healthz, /readyz and /metrics. */
  routes?: (app: FastifyInstance) => void | Promise<void>;
}

/**
 * A GraphQL route's handler, served inside the request's span (continuing the caller's trace) and
 * with its request id in the context: everything below, SQL included, is part of the trace, and
 * every log line carries the ids. Also for GraphQL routes mounted beside /graphql.
 */
export function tracedGraphQLHandler<
  THandler extends (this: FastifyInstance, request: never, reply: never) => unknown,
>(handler: THandler): THandler {
  // Any route handler's request and reply extend fastify's defaults, which is all this reads.
  const serve = handler as unknown as (
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => unknown;
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    return serveTraced(
      {
        id: request.id,
        method: request.method,
        route: request.routeOptions.url ?? "/graphql",
        headers: request.headers,
      },
      async () => serve.call(this, request, reply),
      () => reply.statusCode,
    );
  } as unknown as THandler;
}

export interface RunningService {
  url: string;
  port: number;
  app: FastifyInstance;
  /** Stops accepting requests, lets in-flight ones finish, then stops Apollo. */
  close(): Promise<void>;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP shape every MASH Graph service shares: GraphQL at /graphql (POST, and GET for queries),
 * liveness at /healthz, readiness at /readyz, Prometheus metrics at /metrics. Request logging is
 * off at the HTTP layer because URLs of GET queries carry variables; the Apollo plugin logs ids.
 */
export async function startGraphQLService<TContext extends BaseContext>(
  options: GraphQLServiceOptions<TContext>,
): Promise<RunningService> {
  // pino's Logger is a FastifyBaseLogger; the annotation keeps route handler types the default ones.
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return options.adoptIncomingRequestId !== false &&
        typeof incoming === "string" &&
        SAFE_REQUEST_ID.test(incoming)
        ? incoming
        : randomUUID();
    },
  });
  // Every answer names its request, so a complaint can be traced to the logs and the access log.
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await options.apollo.start();
  app.route({
    url: "/graphql",
    method: ["GET", "POST", "OPTIONS"],
    handler: tracedGraphQLHandler(
      fastifyApolloHandler(options.apollo, { context: options.context }),
    ),
  });

  app.get("/healthz", async () => ({ status: "ok", service: options.service }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await options.checkReady();
      return { status: "ready", service: options.service };
    } catch {
      return reply.code(503).send({ status: "not ready", service: options.service });
    }
  });
  app.get("/metrics", async (_request, reply) => {
    reply.header("content-type", options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });
  await options.routes?.(app);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${options.host}:${port}/graphql`;
  return {
    url,
    port,
    app,
    close: async () => {
      await app.close();
      await options.apollo.stop();
    },
  };
}
