import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SUBGRAPH_NAMES } from "../../scripts/stack.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * Starts one service exactly as a deployment would, with nothing but PATH in its environment, and
 * returns how it ended. It must not get as far as listening: a misconfigured service that started
 * anyway would hold the port, so a short timeout also fails the test.
 */
async function startBare(
  folder: string,
  env: Record<string, string> = {},
  entry = "src/server.ts",
) {
  // A free port, so that a service which wrongly starts cannot collide with anything.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
  try {
    await run(process.execPath, ["--conditions=development", "--import", "tsx", entry], {
      cwd: `${ROOT}/${folder}`,
      env: { PATH: process.env.PATH ?? "", PORT: String(port), ...env },
      timeout: 60_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string; killed?: boolean };
    if (failed.killed) throw new Error(`${folder} did not refuse to start: it kept running`);
    return { code: failed.code ?? -1, stderr: failed.stderr ?? "" };
  }
}

describe("a service started with no environment at all", () => {
  it("the gateway refuses, naming each setting production needs and how to develop instead", async () => {
    const { code, stderr } = await startBare("gateway");
    expect(code).toBe(1);
    for (const variable of [
      "AUTH_JWKS_URL",
      "AUTH_ISSUER",
      "AUTH_AUDIENCE",
      "GATEWAY_SIGNING_KEY",
      "GATEWAY_PUBLIC_KEYS",
    ]) {
      expect(stderr).toContain(variable);
    }
    expect(stderr).toContain("NODE_ENV=development");
    expect(stderr).not.toMatch(/\n\s+at /); // a message, never a stack trace
  });

  it.each(SUBGRAPH_NAMES)("%s refuses, naming the gateway's public keys", async (agency) => {
    const { code, stderr } = await startBare(`subgraphs/${agency}`);
    expect(code).toBe(1);
    expect(stderr).toContain("GATEWAY_PUBLIC_KEYS: required when NODE_ENV=production");
    expect(stderr).toContain("NODE_ENV=development");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("development conveniences in production", () => {
  it("are refused by name, however the keys are configured", async () => {
    const gateway = await startBare("gateway", {
      NODE_ENV: "production",
      AUTHZ_MODE: "off",
      ACCESS_LOG: "disabled",
      PLAYGROUND: "enabled",
    });
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain('AUTHZ_MODE: "off" is only allowed with NODE_ENV=development');
    expect(gateway.stderr).toContain('ACCESS_LOG: "disabled" is only allowed');
    expect(gateway.stderr).toContain('PLAYGROUND: "enabled" is only allowed');

    // The development server (what `npm start` runs) is the only one that seeds.
    const police = await startBare(
      "subgraphs/police",
      { NODE_ENV: "production", SEED_ON_START: "true", SUBGRAPH_AUTHORIZATION: "off" },
      "dev/server.ts",
    );
    expect(police.code).toBe(1);
    expect(police.stderr).toContain('SEED_ON_START: "true" is only allowed');
    expect(police.stderr).toContain(
      'SUBGRAPH_AUTHORIZATION: "off" is only allowed with NODE_ENV=test',
    );
  });
});
