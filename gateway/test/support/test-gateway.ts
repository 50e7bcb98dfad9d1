import { createServer } from "node:net";
import { afterEach } from "vitest";
import { type RunningGateway, startGateway } from "../../src/start-gateway.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * A gateway on the committed supergraph, started the way `node dist/server.js` starts it (it
 * starts without its subgraphs running), and closed after each test of the file that calls this.
 */
export function testGateways() {
  const running: RunningGateway[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((gateway) => gateway.close()));
  });
  return async function gatewayWith(env: Record<string, string> = {}) {
    const gateway = await startGateway({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      PORT: String(await freePort()),
      ...env,
    });
    running.push(gateway);
    const root = gateway.url.replace(/graphql$/, "");
    return { gateway, root, get: (path: string) => fetch(new URL(path, root)) };
  };
}
