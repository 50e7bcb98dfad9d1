/**
 * `npm run build` (after tsc): bundles the playground into dist/playground/assets/, where the
 * built gateway serves it from without needing the bundler or GraphiQL installed.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundlePlayground } from "./bundle-playground.js";

const target = fileURLToPath(new URL("../../dist/playground/assets/", import.meta.url));
const started = Date.now();
const assets = await bundlePlayground();
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
for (const [name, asset] of assets) await writeFile(join(target, name), asset.body);
const bytes = [...assets.values()].reduce((total, asset) => total + asset.body.length, 0);
process.stdout.write(
  `Bundled the playground: ${assets.size} files, ${(bytes / 1e6).toFixed(1)} MB, ` +
    `in ${Date.now() - started} ms → dist/playground/assets/\n`,
);
