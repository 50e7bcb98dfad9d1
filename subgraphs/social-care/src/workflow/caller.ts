import { ErrorCode } from "@mash/platform/graphql/errors";
import type { Principal } from "@mash/schema/authorization/principal";
import { GraphQLError } from "graphql";
import type { SocialCareContext } from "../context.js";

/** The signed-in caller a workflow step is recorded against (its scopes are already checked). */
export function requireCaller(ctx: SocialCareContext): Principal {
  const principal = ctx.auth.authority.principal;
  if (!principal) {
    throw new GraphQLError("Sign in first.", { extensions: { code: ErrorCode.Unauthenticated } });
  }
  return principal;
}
