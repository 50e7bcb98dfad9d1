import { type RequestContext, requestContext } from "@mash/platform/subgraph/request-context";
import { createLoaders, type ProbationDatabase, type ProbationLoaders } from "./loaders.js";

export type ProbationContext = RequestContext<ProbationDatabase, ProbationLoaders>;

export const createContext = requestContext(createLoaders);
