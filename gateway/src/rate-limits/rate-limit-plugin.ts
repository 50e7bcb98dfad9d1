import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import type { RateLimits } from "./rate-limits.js";

/** Who a request is counted against: the signed-in practitioner, else the address it came from. */
export function callerKey(context: GatewayContext): string {
  const principal = context.authority.principal;
  return principal ? `principal:${principal.id}` : `address:${context.clientAddress}`;
}

/**
 * Spends one unit of the caller's read or write budget once the operation is known (a document
 * over the operation limits never gets this far); past it the caller gets 429 with Retry-After.
 */
export function rateLimitPlugin(limits: RateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const budget = operation?.operation === "mutation" ? "writes" : "reads";
          await limits.spend(budget, callerKey(contextValue));
        },
      };
    },
  };
}
