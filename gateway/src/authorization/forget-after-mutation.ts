import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import type { PurposeVerifier } from "./purpose-verifier.js";

/**
 * A caller who has just declared break-glass must be able to use the grant on the next request,
 * not once the purpose cache expires. After any mutation by a caller, what is cached about their
 * purposes is forgotten: mutations are rare next to reads, and looking at the whole operation
 * (rather than for one top-level field name) also covers declarations in fragments or aliases.
 */
export function forgetPurposesAfterMutation(
  verifier: PurposeVerifier,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          const principal = contextValue.authority.principal;
          if (!principal || operation?.operation !== "mutation") return;
          // Best effort: what is cached expires within the purpose cache's lifetime anyway.
          await verifier.forget(principal.id).catch(() => {
            contextValue.logger.warn(
              { requestId: contextValue.requestId },
              "could not forget cached purposes",
            );
          });
        },
      };
    },
  };
}
