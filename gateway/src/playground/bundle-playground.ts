import { createRequire } from "node:module";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { contentTypeOf, type PlaygroundAsset, type PlaygroundAssets } from "./playground-assets.js";

const require = createRequire(import.meta.url);

/** The browser app (gateway/playground/); the same depth from src/ and dist/. */
const APP_ENTRY = fileURLToPath(new URL("../../playground/main.tsx", import.meta.url));

/**
 * GraphiQL's editor runs its language services in workers, loaded by URL at run time
 * (gateway/playground/monaco-workers.ts names these files).
 */
const WORKER_ENTRIES = {
  "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
  "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
  "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
} as const;

/**
 * Bundles the playground from installed packages with esbuild: one script and one stylesheet for
 * the page, one script per worker, and the editor's fonts. Nothing is fetched from a CDN, so the
 * playground works where outside networks are blocked.
 */
export async function bundlePlayground(): Promise<PlaygroundAssets> {
  const result = await build({
    entryPoints: [
      { in: APP_ENTRY, out: "app" },
      ...Object.entries(WORKER_ENTRIES).map(([out, module]) => ({
        in: require.resolve(module),
        out,
      })),
    ],
    bundle: true,
    write: false,
    outdir: "assets",
    format: "iife",
    target: "es2022",
    minify: true,
    // React picks its production build from this; nothing else in the bundle reads the env.
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file" },
    assetNames: "[name]-[hash]",
    legalComments: "linked",
    logLevel: "silent",
  });
  const assets = new Map<string, PlaygroundAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    assets.set(name, { body: Buffer.from(file.contents), contentType: contentTypeOf(name) });
  }
  return assets;
}
