import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GatewaySigner } from "@mash/runtime/auth/gateway-token";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import type { GatewayContext } from "../context.js";

const NOBODY: RequestAuthority = { principal: null, purpose: null, breakGlass: [] };

/**
 * How the gateway calls one subgraph. Each fetch carries a token the gateway signs for that
 * subgraph alone, binding the caller (principal, verified purpose, break-glass) to this exact
 * document and these variables: the subgraph trusts nothing else. The request id travels along so
 * one practitioner request can be followed across services, and a per-subgraph timeout stops a
 * slow agency from holding the whole answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #name: string;
  readonly #signer: GatewaySigner;

  constructor(options: { name: string; url: string; timeoutMs: number; signer: GatewaySigner }) {
    super({
      url: options.url,
      // Native fetch with an AbortSignal: @apollo/gateway has no timeout option of its own.
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) })) as never,
    });
    this.#name = options.name;
    this.#signer = options.signer;
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context?.requestId) headers.set("x-request-id", context.requestId);
    const token = await this.#signer.sign({
      audience: this.#name,
      authority: context?.authority ?? NOBODY,
      request: {
        query: request.query ?? "",
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      },
    });
    headers.set("authorization", `Bearer ${token}`);
  }
}
