import type { Logger } from "@mash/platform/observability/logger";
import type { Grants, RequestAuthority } from "@mash/schema/authorization/principal";

/** What authorization decided for a request: read later by the access log. */
export interface AccessDecision {
  /** Router-style paths of the selections removed for this caller. */
  deniedPaths: string[][];
  /** True when reject mode refused the whole operation. */
  rejected: boolean;
}

/** What every gateway request carries from the HTTP layer into planning and subgraph fetches. */
export interface GatewayContext {
  /** The gateway's own id for the request (never the caller's), returned in `x-request-id`. */
  requestId: string;
  /** The id the caller sent in `x-request-id`, sanitised; kept beside the gateway's. */
  clientRequestId: string | null;
  logger: Logger;
  /** Who is asking (null principal when anonymous), their verified purpose and break-glass grants. */
  authority: RequestAuthority;
  /** The authority turned into scopes and satisfied policies. */
  grants: Grants;
  access: AccessDecision;
}
