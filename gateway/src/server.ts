import { runServiceProcess } from "@mash/platform/http/run-process";
import { startGateway } from "./start-gateway.js";

await runServiceProcess(() => startGateway());
