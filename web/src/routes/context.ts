import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { SessionUser } from "../auth/session-user.js";
import type { Answer, GatewayClient } from "../data/gateway-client.js";

/** What every page handler needs: the gateway, as the signed-in practitioner. */
export interface PageServices {
  gateway: GatewayClient;
}

/** The signed-in user (require-sign-in has run before any page). */
export function userOf(request: Request): SessionUser {
  const user = request.session.user;
  if (!user) throw new Error("no signed-in user");
  return user;
}

/** Asks the gateway as the signed-in practitioner, optionally under an enquiry as purpose. */
export function ask<TData, TVariables extends Record<string, unknown>>(
  services: PageServices,
  request: Request,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  purpose?: string,
): Promise<Answer<TData>> {
  return services.gateway.request(document, variables, {
    token: request.session.token ?? "",
    purpose,
    requestId: String(request.id ?? ""),
  });
}

/** Express 5 passes rejected promises on; this keeps handlers typed and small. */
export function page(
  handler: (request: Request, response: Response) => Promise<void>,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    handler(request, response).catch(next);
  };
}

declare global {
  namespace Express {
    interface Request {
      id?: string;
    }
  }
}
