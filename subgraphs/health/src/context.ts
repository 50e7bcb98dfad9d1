import { type RequestContext, requestContext } from "@mash/platform/subgraph/request-context";
import { createLoaders, type HealthDatabase, type HealthLoaders } from "./loaders.js";

export type HealthContext = RequestContext<HealthDatabase, HealthLoaders>;

export const createContext = requestContext(createLoaders);
