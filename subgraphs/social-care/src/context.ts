import { type RequestContext, requestContext } from "@mash/platform/subgraph/request-context";
import { createLoaders, type SocialCareDatabase, type SocialCareLoaders } from "./loaders.js";

export type SocialCareContext = RequestContext<SocialCareDatabase, SocialCareLoaders>;

export const createContext = requestContext(createLoaders);
