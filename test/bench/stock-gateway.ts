import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { loadGatewaySigningKey } from "@mash/platform/auth/gateway-keys";
import { createGatewaySigner } from "@mash/platform/auth/gateway-token";
import type { RequestAuthority } from "@mash/schema/authorization/principal";
import { withoutSecurityPurpose } from "@mash/schema/security-links";

/**
 * The baseline `npm run bench` compares the project's gateway with: stock `@apollo/gateway` and
 * `@apollo/server` over the same subgraphs, as thin as it can be while the subgraphs still answer.
 * They accept only requests the gateway signed, each token once, so every fetch is signed with the
 * project's own signer; the caller's authority is fixed at start (BENCH_AUTHORITY, what the
 * project's gateway verified for the same practitioner and purpose), so there is no
 * authentication, purpose check, filtering or access log here: exactly what the comparison leaves
 * out. The subgraphs enforce their own rules as they do for the project's gateway.
 *
 * Run by bench/run.ts as its own process: PORT, SUPERGRAPH_PATH, BENCH_AUTHORITY (JSON) and
 * <SUBGRAPH>_URL for each subgraph.
 */
const port = Number(process.env.PORT ?? 0);
const supergraphPath = process.env.SUPERGRAPH_PATH;
const authorityJson = process.env.BENCH_AUTHORITY;
if (!supergraphPath || !authorityJson) {
  throw new Error("stock-gateway needs SUPERGRAPH_PATH and BENCH_AUTHORITY");
}
const authority = JSON.parse(authorityJson) as RequestAuthority;
const signer = createGatewaySigner({ privateJwk: loadGatewaySigningKey({ NODE_ENV: "test" }) });
process.env.APOLLO_TELEMETRY_DISABLED = "true";

function subgraphUrl(name: string, fallback: string | undefined): string {
  return process.env[`${name.toUpperCase().replace(/-/g, "_")}_URL`] ?? fallback ?? "";
}

class SignedDataSource extends RemoteGraphQLDataSource {
  readonly #audience: string;

  constructor(name: string, url: string) {
    super({ url });
    this.#audience = name;
  }

  override async willSendRequest({
    request,
  }: Parameters<RemoteGraphQLDataSource["willSendRequest"] & {}>[0]): Promise<void> {
    const token = await signer.sign({
      audience: this.#audience,
      authority,
      request: {
        query: request.query ?? "",
        variables: request.variables ?? null,
        operationName: request.operationName ?? null,
      },
    });
    request.http?.headers.set("authorization", `Bearer ${token}`);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: withoutSecurityPurpose(readFileSync(supergraphPath, "utf8")),
  buildService: ({ name, url }) => new SignedDataSource(name, subgraphUrl(name, url)),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
process.stdout.write(`stock gateway ready at ${url}\n`);

const stop = () => void server.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
