import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { GatewaySigner } from "@mash/platform/auth/gateway-token";
import { CLIENT_SAFE_CODES } from "@mash/platform/graphql/errors";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import { injectTraceContext, inSpan } from "@mash/platform/observability/tracing";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { SpanKind } from "@opentelemetry/api";
import { type DocumentNode, GraphQLError, parse } from "graphql";
import type { GatewayContext } from "../context.js";
import type { AgencyCheckField } from "../supergraph/agency-check-fields.js";
import { fetchKey, type InFlightFetches } from "./in-flight-fetches.js";
import { unavailableAgencyResponse, unavailableReason } from "./unavailable-agencies.js";

/** The subgraph operation's document, or undefined when there is none to read. */
function parseQuietly(query: string | undefined): DocumentNode | undefined {
  if (!query) return undefined;
  try {
    return parse(query);
  } catch {
    return undefined;
  }
}

const NOBODY: RequestAuthority = { principal: null, purpose: null, breakGlass: [] };

/**
 * How the gateway calls one subgraph. Each fetch carries a token the gateway signs for that
 * subgraph alone, binding the caller (principal, verified purpose, break-glass) to this exact
 * document and these variables: the subgraph trusts nothing else. The request id and the trace
 * context (W3C `traceparent`) travel along so one practitioner request can be followed across
 * services; each fetch is a span and is timed per subgraph; and a per-subgraph timeout stops a
 * slow agency from holding the whole answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #name: string;
  readonly #signer: GatewaySigner;
  readonly #timeoutMs: number;
  readonly #metrics: Pick<ServiceMetrics, "subgraphFetches"> | undefined;
  readonly #agencyChecks: readonly AgencyCheckField[];
  readonly #inFlight: InFlightFetches | undefined;

  constructor(options: {
    name: string;
    url: string;
    timeoutMs: number;
    signer: GatewaySigner;
    metrics?: Pick<ServiceMetrics, "subgraphFetches">;
    /** The fields through which this subgraph reports agency checks (`@agencyCheck`). */
    agencyChecks?: readonly AgencyCheckField[];
    /** Where identical reads in flight for the same authority share one fetch; none: never. */
    inFlight?: InFlightFetches;
  }) {
    super({
      url: options.url,
      // Native fetch with an AbortSignal: @apollo/gateway has no timeout option of its own.
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) })) as never,
    });
    this.#name = options.name;
    this.#signer = options.signer;
    this.#timeoutMs = options.timeoutMs;
    this.#metrics = options.metrics;
    this.#agencyChecks = options.agencyChecks ?? [];
    this.#inFlight = options.inFlight;
  }

  /**
   * Sends the fetch, or joins an identical one in flight: only a practitioner's query (a
   * mutation's fetches must each run), and only under a key that holds the caller's whole
   * authority, so callers whose rights differ in any way never share an answer. Each caller's
   * access is still recorded on its own by the authorizing gateway.
   */
  #send(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const inFlight = this.#inFlight;
    const context = options.context;
    if (
      !inFlight ||
      !context?.authority ||
      !context.grants ||
      !("incomingRequestContext" in options) ||
      options.incomingRequestContext.operation?.operation !== "query"
    ) {
      return super.process(options);
    }
    const key = fetchKey({
      subgraph: this.#name,
      query: options.request.query ?? "",
      operationName: options.request.operationName ?? null,
      variables: options.request.variables ?? null,
      authority: context.authority,
      grants: context.grants,
    });
    return inFlight.fetch(this.#name, key, () => super.process(options));
  }

  /**
   * A subgraph that is down, times out or fails with a 5xx does not sink the whole answer: the
   * fetch resolves to an error naming the service (never its URL) and, for entity fetches, the
   * agency checks it reports marked AGENCY_UNAVAILABLE. A 4xx is the subgraph's own answer and
   * stands.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    const started = process.hrtime.bigint();
    // ok, error (the subgraph answered with errors), unavailable (answered in its place), failed.
    let outcome = "failed";
    try {
      return await inSpan(
        `subgraph ${this.#name}`,
        { kind: SpanKind.CLIENT, attributes: { "mash.subgraph": this.#name } },
        async (span) => {
          const answer = await this.#answer(options, (reason) => {
            outcome = "unavailable";
            span.setAttribute("mash.unavailable_reason", reason);
          });
          if (outcome !== "unavailable") outcome = answer.errors?.length ? "error" : "ok";
          return answer;
        },
      );
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.#metrics?.subgraphFetches.observe({ subgraph: this.#name, outcome }, seconds);
    }
  }

  async #answer(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    onUnavailable: (reason: string) => void,
  ): Promise<GatewayGraphQLResponse> {
    try {
      return await this.#send(options);
    } catch (error) {
      // Only a practitioner's operation has an answer to complete (@apollo/gateway does not
      // export the request-kind enum, so the operation's own property tells).
      if (!("incomingRequestContext" in options)) throw error;
      const reason = unavailableReason(error);
      if (!reason) throw error;
      // Ids and the reason only: the request's variables may hold personal data.
      options.context?.logger?.warn(
        { requestId: options.context.requestId, service: this.#name, reason },
        "agency service unavailable",
      );
      onUnavailable(reason);
      return unavailableAgencyResponse({
        serviceName: this.#name,
        reason,
        timeoutMs: this.#timeoutMs,
        agencyChecks: this.#agencyChecks,
        // The planner exposes its document only when configured to; the query text always comes.
        document: options.document ?? parseQuietly(options.request.query),
        variables: options.request.variables,
      });
    }
  }

  /**
   * A subgraph's 4xx refusal, as the caller is told it: a request the subgraph found malformed
   * (say, a DateTime variable that is not one, which only the subgraph's scalar can judge) keeps
   * the subgraph's own code and message rather than becoming an internal error; nothing of the
   * subgraph's address or raw body goes with it.
   */
  override async errorFromResponse(
    response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0],
  ) {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (
      body as {
        errors?: { message?: unknown; extensions?: { code?: unknown; reason?: unknown } }[];
      }
    )?.errors?.[0];
    const code = first?.extensions?.code;
    if (response.status < 500 && typeof code === "string" && CLIENT_SAFE_CODES.has(code)) {
      return new GraphQLError(typeof first?.message === "string" ? first.message : code, {
        extensions: {
          code,
          ...(typeof first?.extensions?.reason === "string"
            ? { reason: first.extensions.reason }
            : {}),
          serviceName: this.#name,
          // The status alone (it decides whether the agency counts as unavailable): no URL, no body.
          response: { status: response.status },
        },
      });
    }
    return new GraphQLError(error.message, {
      extensions: {
        ...(error.extensions.code ? { code: error.extensions.code } : {}),
        serviceName: this.#name,
        response: { status: response.status },
      },
    });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context?.requestId) headers.set("x-request-id", context.requestId);
    injectTraceContext(headers);
    const token = await this.#signer.sign({
      audience: this.#name,
      authority: context?.authority ?? NOBODY,
      request: {
        query: request.query ?? "",
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      },
    });
    headers.set("authorization", `Bearer ${token}`);
  }
}
