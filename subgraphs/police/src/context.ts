import { type RequestContext, requestContext } from "@mash/platform/subgraph/request-context";
import { createLoaders, type PoliceDatabase, type PoliceLoaders } from "./loaders.js";

export type PoliceContext = RequestContext<PoliceDatabase, PoliceLoaders>;

export const createContext = requestContext(createLoaders);
