import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

/**
 * OpenTelemetry for every MASH Graph service. W3C trace context is always read from incoming
 * requests and passed on to subgraph fetches, so a trace begun by a client or the gateway carries
 * through; spans are recorded and exported (OTLP over HTTP) only when an OTLP endpoint is
 * configured with the standard variables (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`; `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*` and
 * `OTEL_RESOURCE_ATTRIBUTES` as the SDK reads them). Spans carry names the code chose, ids and
 * counts: never a variable, a value or an error message (see docs/observability.md).
 */

/** Spans this codebase starts: HTTP requests, subgraph fetches, SQL statements. */
export const tracer = trace.getTracer("mash-graph");

const REQUEST_ID = createContextKey("mash.request_id");

export interface Tracing {
  /** True when spans are exported (an OTLP endpoint is configured). */
  exporting: boolean;
  /** Exports what is still buffered; call at shutdown. */
  shutdown(): Promise<void>;
}

let started: Tracing | undefined;

function otlpConfigured(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Sets up context propagation for this process, and span export when configured. Once per process:
 * a second call (tests starting several services in one process) returns the first set-up.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (started) return started;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (!otlpConfigured(env)) {
    started = { exporting: false, shutdown: async () => {} };
    return started;
  }
  const provider = new NodeTracerProvider({
    resource: detectResources({ detectors: [envDetector] }).merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: service, "service.namespace": "mash-graph" }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  trace.setGlobalTracerProvider(provider);
  started = { exporting: true, shutdown: () => provider.shutdown() };
  return started;
}

/** The request id of the request being served, wherever in its work this is called. */
export function activeRequestId(): string | undefined {
  const value = context.active().getValue(REQUEST_ID);
  return typeof value === "string" ? value : undefined;
}

/** The trace the current work belongs to, when there is one. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

export interface IncomingRequest {
  id: string;
  method: string;
  /** The route, not the URL: a GET query's URL holds its variables. */
  route: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Serves one HTTP request inside a server span that continues the caller's trace (its
 * `traceparent`), with the request id in the context, so every span and log line of the work
 * below carries both. `statusCode` is read when the work is done.
 */
export async function serveTraced<T>(
  request: IncomingRequest,
  work: () => Promise<T>,
  statusCode: () => number,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer.startSpan(
    `${request.method} ${request.route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": request.method,
        "http.route": request.route,
        "mash.request_id": request.id,
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span).setValue(REQUEST_ID, request.id);
  try {
    return await context.with(active, work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    const status = statusCode();
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
}

/**
 * Runs `work` in a child span of the current one. A failure marks the span as an error without
 * its message: messages can quote values (a database's "Key (…)=(…) already exists").
 */
export async function inSpan<T>(
  name: string,
  options: { kind: SpanKind; attributes: Attributes },
  work: (span: Span) => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  const span = tracer.startSpan(name, options, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Adds the current trace context (`traceparent`) to an outgoing request's headers. */
export function injectTraceContext(headers: { set(name: string, value: string): unknown }): void {
  propagation.inject(context.active(), headers, {
    set: (carrier, key, value) => carrier.set(key, value),
  });
}
