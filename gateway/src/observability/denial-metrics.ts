import type { ApolloServerPlugin } from "@apollo/server";
import type { ServiceMetrics } from "@mash/platform/observability/metrics";
import type { GatewayContext } from "../context.js";

/**
 * Counts the selections the gateway's authorization removed from each operation before planning
 * (`mash_authorization_denials_total{reason="MISSING_REQUIREMENT"}`), whatever `AUTHZ_ERRORS`
 * makes of them in the answer. Subgraphs count their own refusals.
 */
export function denialMetricsPlugin(
  metrics: Pick<ServiceMetrics, "authorizationDenials">,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          const denied = contextValue.access.deniedPaths.length;
          if (denied > 0)
            metrics.authorizationDenials.inc({ reason: "MISSING_REQUIREMENT" }, denied);
        },
      };
    },
  };
}
