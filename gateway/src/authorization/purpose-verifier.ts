import type { GatewaySigner } from "@mash/platform/auth/gateway-token";
import { ErrorCode } from "@mash/platform/graphql/errors";
import { isUuid } from "@mash/platform/graphql/ids";
import type {
  BreakGlassGrant,
  Principal,
  VerifiedPurpose,
} from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import { LRUCache } from "lru-cache";

export const PURPOSE_HEADER = "x-mash-purpose";

/** The field that verifies a purpose; the subgraph resolving it in the supergraph is asked. */
export const MASH_AUTHORITY_FIELD = "mashAuthority";

const MASH_AUTHORITY = `query MashAuthority($enquiryId: ID!) {
  ${MASH_AUTHORITY_FIELD}(enquiryId: $enquiryId) { enquiryId subjectIds breakGlassGrants { id subjectId expiresAt } }
}`;

export interface VerifiedAuthority {
  purpose: VerifiedPurpose;
  breakGlass: BreakGlassGrant[];
}

export interface PurposeVerifier {
  /** Checks the caller takes part in the enquiry; returns its subjects and the caller's grants. */
  verify(principal: Principal, enquiryId: string): Promise<VerifiedAuthority>;
  /** Forgets what is known of a caller's purposes (after they declare break-glass). */
  forget(principalId: string): void;
}

function purposeError(message: string, code: string, status: number, reason: string) {
  return new GraphQLError(message, { extensions: { code, reason, http: { status } } });
}

interface MashAuthorityResponse {
  data?: {
    mashAuthority?: {
      enquiryId: string;
      subjectIds: string[];
      breakGlassGrants: BreakGlassGrant[];
    } | null;
  };
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/**
 * Verifies `x-mash-purpose` with the subgraph that hosts MASH enquiries (the one resolving
 * `Query.mashAuthority` in the supergraph: social care), signed as
 * the caller like any other subgraph request. Answers are cached briefly per caller and enquiry:
 * a purpose is checked on every request that declares one, and a round trip each time would double
 * the cost of the simplest query.
 */
export function createPurposeVerifier(options: {
  url: string;
  audience: string;
  signer: GatewaySigner;
  cacheMs: number;
  timeoutMs: number;
}): PurposeVerifier {
  const cache = new LRUCache<string, VerifiedAuthority>({
    max: 10_000,
    ttl: Math.max(1, options.cacheMs),
  });
  const keyOf = (principalId: string, enquiryId: string) => `${principalId}\u0000${enquiryId}`;

  return {
    forget(principalId) {
      for (const key of cache.keys()) if (key.startsWith(`${principalId}\u0000`)) cache.delete(key);
    },
    async verify(principal, enquiryId) {
      if (!isUuid(enquiryId)) {
        throw purposeError(
          `${PURPOSE_HEADER} must be the id (a UUID) of the MASH enquiry you are working on.`,
          ErrorCode.BadUserInput,
          400,
          "MALFORMED_PURPOSE",
        );
      }
      const key = keyOf(principal.id, enquiryId.toLowerCase());
      const cached = options.cacheMs > 0 ? cache.get(key) : undefined;
      if (cached) return cached;

      const request = {
        query: MASH_AUTHORITY,
        variables: { enquiryId },
        operationName: "MashAuthority",
      };
      const token = await options.signer.sign({
        audience: options.audience,
        authority: { principal, purpose: null, breakGlass: [] },
        request,
      });
      let body: MashAuthorityResponse;
      try {
        const response = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        body = (await response.json()) as MashAuthorityResponse;
      } catch {
        throw purposeError(
          "The declared purpose could not be checked: the MASH enquiry service is unavailable.",
          ErrorCode.ServiceUnavailable,
          503,
          "PURPOSE_UNVERIFIABLE",
        );
      }
      const found = body.data?.mashAuthority;
      if (!found) {
        const first = body.errors?.[0];
        const notFound = first?.extensions?.code === ErrorCode.NotFound;
        throw purposeError(
          notFound
            ? "The declared purpose names no MASH enquiry."
            : (first?.message ?? "The declared purpose was not accepted."),
          notFound ? ErrorCode.NotFound : ErrorCode.Forbidden,
          notFound ? 404 : 403,
          first?.extensions?.reason ?? "PURPOSE_REFUSED",
        );
      }
      const verified: VerifiedAuthority = {
        purpose: { enquiryId: found.enquiryId, subjectIds: found.subjectIds },
        breakGlass: found.breakGlassGrants,
      };
      // An authority carrying break-glass grants is checked afresh on every request: a grant the
      // data protection officer revokes must stop working at once, on every gateway replica.
      if (options.cacheMs > 0 && verified.breakGlass.length === 0) cache.set(key, verified);
      return verified;
    },
  };
}
