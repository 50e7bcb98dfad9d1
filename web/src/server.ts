import type { Server } from "node:http";
import { pino } from "pino";
import { createWebApp } from "./app.js";
import { loadConfig } from "./config.js";

// `npm start` (in web/) or the stack launcher: the front end on its own port, talking to the gateway.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`The MASH front end did not start: ${(error as Error).message}\n`);
  process.exit(1);
}
const logger = pino({
  level: config.logLevel,
  base: { service: "web" },
  timestamp: pino.stdTimeFunctions.isoTime,
});
const web = await createWebApp(config, logger);
const server: Server = web.app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info(
    { url: `http://${config.host}:${port}/`, signIn: config.signIn.kind },
    "front end ready",
  );
});
const stop = () => {
  server.close(() => {
    web.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
