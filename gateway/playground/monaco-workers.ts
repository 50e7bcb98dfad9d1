/**
 * GraphiQL's editor (Monaco) runs its language services in web workers. The bundle ships them as
 * files beside app.js; this tells Monaco where, instead of the CDN its defaults would use.
 * Resolved against this script's own URL so the playground works under any path prefix.
 */
const script = document.currentScript;
const ASSETS = new URL(".", script instanceof HTMLScriptElement ? script.src : document.baseURI);

const WORKER_FILES: Record<string, string> = {
  json: "json.worker.js",
  graphql: "graphql.worker.js",
};

interface MonacoEnvironment {
  getWorker(workerId: string, label: string): Worker;
}

(globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment = {
  getWorker: (_workerId, label) =>
    new Worker(new URL(WORKER_FILES[label] ?? "editor.worker.js", ASSETS)),
};
