import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}

export interface LoadTarget {
  name: string;
  url: string;
  body: unknown;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Headers computed for each request (e.g. a single-use signed token). */
  perRequestHeaders?: () => Record<string, string>;
}

export interface LoadOptions extends LoadTarget {
  seconds: number;
  connections: number;
}

function headersOf(target: LoadTarget): Record<string, string> {
  return { "content-type": "application/json", ...target.headers, ...target.perRequestHeaders?.() };
}

/** One autocannon run: POSTs the same GraphQL body for `seconds` over `connections`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const body = JSON.stringify(options.body);
  const perRequest = options.perRequestHeaders;
  const result = await autocannon({
    url: options.url,
    method: "POST",
    headers: headersOf({ ...options, perRequestHeaders: undefined }),
    body,
    connections: options.connections,
    duration: options.seconds,
    ...(perRequest
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                headers: { ...request.headers, ...perRequest() },
              }),
            },
          ],
        }
      : {}),
  });
  return {
    name: options.name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Sends the request once; a benchmark of errors is no benchmark, so any error stops the run. */
export async function sendOnce(target: LoadTarget): Promise<Record<string, unknown>> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: headersOf(target),
    body: JSON.stringify(target.body),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || body.errors?.length) {
    throw new Error(
      `${target.name}: the query does not answer cleanly: ${JSON.stringify(body).slice(0, 500)}`,
    );
  }
  return body.data ?? {};
}
