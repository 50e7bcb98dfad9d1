import type { GatewaySigner } from "@mash/platform/auth/gateway-token";
import { ErrorCode } from "@mash/platform/graphql/errors";
import { isUuid } from "@mash/platform/graphql/ids";
import type { Logger } from "@mash/platform/observability/logger";
import type { SharedStore } from "@mash/platform/shared-state/shared-store";
import type {
  BreakGlassGrant,
  Principal,
  VerifiedPurpose,
} from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";

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
  /** Forgets what is known of a caller's purposes (after they declare break-glass), everywhere. */
  forget(principalId: string): Promise<void>;
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
 * the cost of the simplest query. The cache lives in the shared store, so every gateway replica
 * forgets a caller's purposes at once (after a break-glass declaration, say). It only ever saves a
 * round trip: if the store cannot answer, the purpose is checked with social care again.
 */
export function createPurposeVerifier(options: {
  url: string;
  audience: string;
  signer: GatewaySigner;
  cacheMs: number;
  timeoutMs: number;
  store: SharedStore;
  logger: Logger;
}): PurposeVerifier {
  const { store, logger } = options;
  const keyOf = (principalId: string) => `purposes:${principalId}`;
  const cached = async (principalId: string, enquiryId: string) => {
    if (options.cacheMs <= 0) return undefined;
    try {
      const text = await store.getEntry(keyOf(principalId), enquiryId);
      return text === undefined ? undefined : (JSON.parse(text) as VerifiedAuthority);
    } catch {
      logger.warn("purpose cache unavailable: checking with social care");
      return undefined;
    }
  };
  const remember = async (principalId: string, enquiryId: string, verified: VerifiedAuthority) => {
    if (options.cacheMs <= 0) return;
    await store
      .setEntry(keyOf(principalId), enquiryId, JSON.stringify(verified), options.cacheMs)
      .catch(() => logger.warn("purpose cache unavailable: answer not kept"));
  };

  return {
    async forget(principalId) {
      await store.delete(keyOf(principalId));
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
      const enquiryKey = enquiryId.toLowerCase();
      const known = await cached(principal.id, enquiryKey);
      if (known) return known;

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
        // Social care answers NOT_FOUND alike for an enquiry that does not exist and for one the
        // caller does not work on, so neither is told apart here either.
        throw purposeError(
          notFound
            ? "The declared purpose names no MASH enquiry you are working on."
            : (first?.message ?? "The declared purpose was not accepted."),
          notFound ? ErrorCode.NotFound : ErrorCode.Forbidden,
          notFound ? 404 : 403,
          notFound ? "NO_SUCH_ENQUIRY" : (first?.extensions?.reason ?? "PURPOSE_REFUSED"),
        );
      }
      const verified: VerifiedAuthority = {
        purpose: { enquiryId: found.enquiryId, subjectIds: found.subjectIds },
        breakGlass: found.breakGlassGrants,
      };
      // An authority carrying break-glass grants is checked afresh on every request: a grant the
      // data protection officer revokes must stop working at once, on every gateway replica.
      if (verified.breakGlass.length === 0) await remember(principal.id, enquiryKey, verified);
      return verified;
    },
  };
}
