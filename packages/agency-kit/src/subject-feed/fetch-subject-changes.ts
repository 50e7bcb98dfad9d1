import type { FetchSubjectChanges, SubjectChangePage } from "./pull-subject-changes.js";

/** Subjects per page: one linkage round each (see `LINKAGE_CHUNK`). */
export const FEED_PAGE_SIZE = 200;

/** Raised when the gateway refuses or fails; says why in codes, never with anyone's details. */
export class SubjectFeedError extends Error {
  override readonly name = "SubjectFeedError";
}

interface GraphQLResponse {
  data?: { subjectChanges?: SubjectChangePage | null } | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * `subjectChanges` through the gateway, as the agency's linkage service (a bearer token for the
 * `linkage-service` role), asking only for the identity the agency's matching compares
 * (`selection`, the same fields its `<agency>Matches` declares).
 */
export function gatewaySubjectChanges(options: {
  url: string;
  token: () => Promise<string>;
  selection: string;
  pageSize?: number;
  fetch?: typeof fetch;
}): FetchSubjectChanges {
  const send = options.fetch ?? fetch;
  const query = `query SubjectChanges($after: String, $first: Int) {
  subjectChanges(after: $after, first: $first) { endCursor hasMore subjects { id ${options.selection} } }
}`;
  return async (after) => {
    const response = await send(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await options.token()}`,
      },
      body: JSON.stringify({
        query,
        operationName: "SubjectChanges",
        variables: { after, first: options.pageSize ?? FEED_PAGE_SIZE },
      }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
    const page = body?.data?.subjectChanges;
    if (!response.ok || !page || (body?.errors?.length ?? 0) > 0) {
      const codes = (body?.errors ?? []).map((error) => error.extensions?.code ?? "UNKNOWN");
      throw new SubjectFeedError(
        `subjectChanges failed: HTTP ${response.status}${codes.length > 0 ? `, ${[...new Set(codes)].join(", ")}` : ""}`,
      );
    }
    return page;
  };
}
