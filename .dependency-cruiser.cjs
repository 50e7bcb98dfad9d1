/**
 * What may import what (`npm run lint` runs it; the picture is in docs/architecture.md).
 *
 *   gateway ─┬─▶ access-log ─▶ platform, schema
 *            ├─▶ platform ─▶ dev-keys       ┌─ subgraphs/<agency> (never another agency)
 *            └─▶ schema ◀───────────────────┼─▶ agency-kit ─▶ record-linkage, uk-identifiers
 *                                           └─▶ platform
 *   synthetic-world, test-suites: development and tests only (a subgraph's dev/, tests, scripts).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "agencies-never-import-one-another",
      comment:
        "An agency decides what it exposes through its own subgraph; no agency reaches into another.",
      severity: "error",
      from: { path: "^subgraphs/([^/]+)/" },
      to: { path: "^subgraphs/", pathNot: "^subgraphs/$1/" },
    },
    {
      name: "gateway-knows-agencies-only-through-the-supergraph",
      severity: "error",
      from: { path: "^gateway/" },
      to: { path: "^subgraphs/" },
    },
    {
      name: "the-front-end-is-a-client-of-the-gateway-only",
      comment:
        "web/ talks to the gateway over HTTP: it imports no service, agency or shared package (its operations' types are generated from the supergraph by codegen.ts, at build time).",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^(gateway|subgraphs|packages|schema|test)/" },
    },
    {
      name: "shared-packages-import-no-service",
      comment: "Shared packages serve the services; they never depend on one.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^(gateway|subgraphs|web|test)/" },
    },
    {
      name: "platform-knows-no-agency-concern",
      comment:
        "The platform is what every service runs on, the gateway included: no linkage, import or disclosure.",
      severity: "error",
      from: { path: "^packages/platform/" },
      to: { path: "^packages/(access-log|agency-kit|record-linkage|synthetic-world|test-suites)/" },
    },
    {
      name: "production-code-ships-no-test-or-synthetic-code",
      comment:
        "What a production build runs (every src/ that npm run build compiles) never imports vitest, the synthetic world or the shared test suites. Seeding is development only: each agency's dev/seed.ts, reached from its dev/server.ts.",
      severity: "error",
      from: {
        path: "^(gateway|subgraphs/[^/]+|packages/(platform|access-log|agency-kit|record-linkage|uk-identifiers|dev-keys)|schema)/src/",
      },
      to: {
        path: "(^packages/(synthetic-world|test-suites)/|node_modules/(vitest|@vitest)/)",
      },
    },
    {
      name: "production-code-never-reaches-development-entry-points",
      comment:
        "A subgraph's dev/ folder (its synthetic seed and the development server that runs it) is outside the build; nothing the build compiles may import it.",
      severity: "error",
      from: { path: "^(gateway|subgraphs/[^/]+|packages/[^/]+|schema)/src/" },
      to: { path: "^subgraphs/[^/]+/dev/" },
    },
    {
      name: "no-circular",
      comment:
        "Cycles through type-only imports vanish when compiled; a lazy import() is how a cycle is broken on purpose.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only", "dynamic-import"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|__generated__|node_modules)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["development", "import", "types", "default"],
      mainFields: ["module", "main", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
