import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One file of the playground's bundle, served from memory. */
export interface PlaygroundAsset {
  body: Buffer;
  contentType: string;
}

/** The bundle by file name: app.js, app.css, the editor's workers and fonts. */
export type PlaygroundAssets = ReadonlyMap<string, PlaygroundAsset>;

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[extname(fileName)] ?? "application/octet-stream";
}

/**
 * Where `npm run build` puts the bundle: beside the compiled module (dist/playground/assets/).
 * Running from the TypeScript sources there is no such folder, and the bundle is made on demand.
 */
export const PREBUILT_ASSETS_DIR = fileURLToPath(new URL("./assets/", import.meta.url));

async function readPrebuilt(directory: string): Promise<PlaygroundAssets> {
  const assets = new Map<string, PlaygroundAsset>();
  for (const name of await readdir(directory)) {
    assets.set(name, {
      body: await readFile(join(directory, name)),
      contentType: contentTypeOf(name),
    });
  }
  return assets;
}

/**
 * The playground's files: the prebuilt bundle when there is one (a built gateway, where the
 * bundler and GraphiQL may not even be installed), otherwise bundled now from the installed
 * packages (development, from the sources: always current, a few seconds once per process).
 */
export async function loadPlaygroundAssets(): Promise<PlaygroundAssets> {
  if (existsSync(PREBUILT_ASSETS_DIR)) return readPrebuilt(PREBUILT_ASSETS_DIR);
  const { bundlePlayground } = await import("./bundle-playground.js");
  return bundlePlayground();
}
