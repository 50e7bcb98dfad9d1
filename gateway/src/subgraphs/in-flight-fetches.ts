import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { Grants, RequestAuthority } from "@mash/schema/authorization/principal";

/** What makes two subgraph fetches the same fetch: where, what, and with whose rights. */
export interface FetchIdentity {
  subgraph: string;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** The authority the fetch is signed with: the subgraph decides what to answer from it. */
  authority: RequestAuthority;
  /** The gateway's reading of the same authority (what its filter allowed into `query`). */
  grants: Grants;
}

/**
 * The key two fetches share only when everything a subgraph could answer differently on is equal:
 * the subgraph, the document, the operation name, the variables, and the caller's whole
 * authorization context (principal with roles, verified purpose with its subjects, break-glass
 * grants, and the scopes and policies they came to). Two practitioners with the same role but
 * different ids never share: a subgraph may answer by who is asking (their own cases, their
 * break-glass grants), and the access log must be able to say exactly who saw what.
 */
export function fetchKey(identity: FetchIdentity): string {
  const { principal, purpose, breakGlass } = identity.authority;
  return JSON.stringify([
    identity.subgraph,
    identity.query,
    identity.operationName,
    identity.variables,
    principal
      ? [principal.id, principal.displayName, principal.agency, [...principal.roles].sort()]
      : null,
    purpose ? [purpose.enquiryId, [...purpose.subjectIds].sort()] : null,
    breakGlass.map((grant) => [grant.id, grant.subjectId, grant.expiresAt]),
    identity.grants.authenticated,
    [...identity.grants.scopes].sort(),
    [...identity.grants.policies].sort(),
  ]);
}

/**
 * A caller's own copy of an answer: what @apollo/gateway reads and merges (data, errors,
 * extensions) copied deep; the HTTP details (a fetch Response, which cannot be cloned) shared.
 */
function copyOf(answer: GatewayGraphQLResponse): GatewayGraphQLResponse {
  const { data, errors, extensions } = answer;
  return {
    ...answer,
    ...(data === undefined ? {} : { data: structuredClone(data) }),
    ...(errors === undefined ? {} : { errors: structuredClone(errors) }),
    ...(extensions === undefined ? {} : { extensions: structuredClone(extensions) }),
  };
}

interface InFlight {
  answer: Promise<GatewayGraphQLResponse>;
  followers: number;
}

/**
 * Identical subgraph fetches in flight at the same time share one request (Hive Gateway's
 * "deduplicate inflight requests"): ten practitioners' screens opening the same enquiry together
 * cost each subgraph one query, not ten. Only reads share (the caller decides which fetches may),
 * only while the first is in flight (nothing is cached: the next fetch after an answer goes to
 * the subgraph again), and only under the same key (see `fetchKey`).
 *
 * @apollo/gateway merges a fetch's answer into its own result objects, so each caller gets its
 * own copy: no request can see, or change, another's answer objects.
 */
export class InFlightFetches {
  readonly #inFlight = new Map<string, InFlight>();
  readonly #onShared: ((subgraph: string) => void) | undefined;
  #shared = 0;

  /** `onShared` hears of every fetch answered from another caller's request (for /metrics). */
  constructor(options: { onShared?: (subgraph: string) => void } = {}) {
    this.#onShared = options.onShared;
  }

  /** Fetches answered from another caller's request since start. */
  get shared(): number {
    return this.#shared;
  }

  /** Requests in flight now. */
  get size(): number {
    return this.#inFlight.size;
  }

  /** Sends (`send`) or joins the fetch in flight under `key` (see `fetchKey`) to `subgraph`. */
  async fetch(
    subgraph: string,
    key: string,
    send: () => Promise<GatewayGraphQLResponse>,
  ): Promise<GatewayGraphQLResponse> {
    const running = this.#inFlight.get(key);
    if (running) {
      running.followers += 1;
      this.#shared += 1;
      this.#onShared?.(subgraph);
      return copyOf(await running.answer);
    }
    const entry: InFlight = {
      // Removed before anyone awaiting it resumes: a fetch starting after the answer sends anew.
      answer: send().finally(() => this.#inFlight.delete(key)),
      followers: 0,
    };
    this.#inFlight.set(key, entry);
    const answer = await entry.answer;
    // The first caller resumes before the followers, so it copies too when there are any: its
    // own execution would otherwise change the object the followers are about to copy.
    return entry.followers > 0 ? copyOf(answer) : answer;
  }
}
