import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { exportJWK, generateKeyPair } from "jose";

/**
 * `npm run keys:generate -- <folder>`: a new signing key pair for a deployment's gateway. The
 * private JWK is for the gateway alone (GATEWAY_SIGNING_KEY_FILE); the public JWKS goes to every
 * subgraph and the gateway (GATEWAY_PUBLIC_KEYS_FILE). To rotate, add the new public key to the
 * JWKS beside the old one, deploy the subgraphs, then switch the gateway's private key.
 */
const folder = process.argv[2];
if (!folder) {
  process.stderr.write("usage: npm run keys:generate -- <folder>\n");
  process.exit(1);
}
const target = resolve(folder);
const kid = `gateway-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
const meta = { kid, alg: "EdDSA", use: "sig" };
await mkdir(target, { recursive: true });
const privatePath = join(target, "gateway-signing.private.jwk.json");
const publicPath = join(target, "gateway-signing.public.jwks.json");
await writeFile(privatePath, `${JSON.stringify({ ...(await exportJWK(privateKey)), ...meta })}\n`, {
  mode: 0o600,
  flag: "wx",
});
await writeFile(
  publicPath,
  `${JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), ...meta }] }, null, 2)}\n`,
  { flag: "wx" },
);
process.stdout.write(
  `Key ${kid}:\n  private (gateway only): ${privatePath}\n  public (every service): ${publicPath}\n`,
);
