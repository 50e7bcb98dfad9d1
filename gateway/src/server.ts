import { runServiceProcess } from "@mash/runtime/http/run-process";
import { startGateway } from "./start-gateway.js";

await runServiceProcess(() => startGateway());
