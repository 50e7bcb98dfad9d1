import { loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner } from "@mash/platform/auth/gateway-token";

/**
 * Subgraphs accept only requests the gateway signed, each token once. To load a subgraph directly
 * (the floor), the benchmark signs a pool of tokens up front with the development key, as the
 * gateway would, and hands one to each request.
 */
export async function signedTokenPool(options: {
  audience: string;
  request: { query: string; variables?: Record<string, unknown>; operationName?: string | null };
  size: number;
}): Promise<() => Record<string, string>> {
  const signer = createGatewaySigner({ privateJwk: loadGatewaySigningKey({ NODE_ENV: "test" }) });
  const tokens: string[] = [];
  for (let i = 0; i < options.size; i += 1) {
    tokens.push(
      await signer.sign({
        audience: options.audience,
        authority: { principal: null, purpose: null, breakGlass: [] },
        request: options.request,
      }),
    );
  }
  let next = 0;
  // Once the pool is spent, tokens are reused and refused: those show up as failures.
  return () => ({ authorization: `Bearer ${tokens[Math.min(next++, tokens.length - 1)]}` });
}
