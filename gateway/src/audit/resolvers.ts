import {
  type AnomalyWindow,
  breakGlassUse,
  bulkAccess,
  outOfHours,
  outsideEnquiries,
  parseWindow,
} from "@mash/access-log/anomalies";
import type { StoredEntry } from "@mash/access-log/entry";
import {
  type AccessLogFilter,
  listEntries,
  type ReaderScope,
  readerScope,
} from "@mash/access-log/read-access-log";
import type { GatewayDatabase } from "@mash/access-log/store";
import type { ChainVerification } from "@mash/access-log/verify";
import type { SubgraphAuthorization } from "@mash/platform/authorization/subgraph-authorization";
import type { Logger } from "@mash/platform/observability/logger";
import type { SubgraphResolvers } from "@mash/platform/subgraph/define-subgraph";

/** What the audit subgraph's resolvers reach: the caller as the gateway signed them, the log. */
export interface AuditContext {
  requestId: string;
  logger: Logger;
  auth: SubgraphAuthorization;
  db: GatewayDatabase;
  /** Verifies the chain from its newest checkpoint (or all of it), against the published head. */
  verify(options: {
    expectedHead?: { seq: number; hash: string };
    full?: boolean;
  }): Promise<ChainVerification>;
}

interface AnomaliesParent {
  scope: ReaderScope;
  window: AnomalyWindow;
}

const subjectRefs = (ids: string[]) => ids.map((id) => ({ id }));

export const auditResolvers: SubgraphResolvers<AuditContext> = {
  Query: {
    accessLog: (
      _root: unknown,
      args: { filter?: AccessLogFilter | null; first?: number | null; after?: string | null },
      ctx: AuditContext,
    ) => listEntries(ctx.db, readerScope(ctx.auth), args),
    accessLogIntegrity: (
      _root: unknown,
      args: { expectedHead?: { seq: number; hash: string } | null; full?: boolean | null },
      ctx: AuditContext,
    ) =>
      ctx.verify({
        ...(args.expectedHead ? { expectedHead: args.expectedHead } : {}),
        full: args.full ?? false,
      }),
    accessAnomalies: (
      _root: unknown,
      args: { from: string; to: string; bulkThreshold?: number; bulkWindowMinutes?: number },
      ctx: AuditContext,
    ): AnomaliesParent => ({ scope: readerScope(ctx.auth), window: parseWindow(args) }),
  },

  AccessAnomalies: {
    outsideEnquiries: ({ scope, window }: AnomaliesParent, _args: unknown, ctx: AuditContext) =>
      outsideEnquiries(ctx.db, scope, window),
    bulkAccess: ({ scope, window }: AnomaliesParent, _args: unknown, ctx: AuditContext) =>
      bulkAccess(ctx.db, scope, window),
    outOfHours: ({ scope, window }: AnomaliesParent, _args: unknown, ctx: AuditContext) =>
      outOfHours(ctx.db, scope, window),
    breakGlassUse: ({ scope, window }: AnomaliesParent, _args: unknown, ctx: AuditContext) =>
      breakGlassUse(ctx.db, scope, window),
  },

  AccessLogEntry: {
    subjects: (entry: StoredEntry) => subjectRefs(entry.subjectIds),
    subjectsOutsidePurpose: (entry: StoredEntry) => subjectRefs(entry.subjectsOutsidePurpose),
    denials: (entry: StoredEntry) =>
      entry.denials.map((denial) => ({ ...denial, serviceName: denial.service })),
    arguments: (entry: StoredEntry) =>
      Object.entries(entry.arguments).map(([name, values]) => ({ name, values })),
  },
};
