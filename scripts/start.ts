import { startStack } from "./stack.js";

// `npm start`: the whole MASH graph on this machine. Embedded databases (PGlite) live in .data/ and
// are created and seeded with synthetic data on first run; set DATABASE_URL to use PostgreSQL.
const started = Date.now();
process.stdout.write(
  "Starting MASH Graph: four agency subgraphs, the gateway and the front end…\n",
);

try {
  const stack = await startStack({ web: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      "",
      `MASH Graph is running (started in ${seconds} s).`,
      `  Front end:          ${stack.webUrl} (sign in as a persona)`,
      `  Playground:         ${stack.gatewayUrl.replace(/graphql$/, "")}`,
      `  Gateway (GraphQL):  ${stack.gatewayUrl}`,
      ...stack.services
        .filter((service) => service.name !== "gateway" && service.name !== "web")
        .map((service) => `  ${service.name.padEnd(18)}  ${stack.urls[service.name]}`),
      `  Data:               ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in .data/"}`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write("\nStopping…\n");
    await stack.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  process.stderr.write(`\nMASH Graph did not start: ${(error as Error).message}\n`);
  process.exit(1);
}
