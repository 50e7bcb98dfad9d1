import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "graphql";
import { authorizationMarkdown } from "./authorization/catalogue-markdown.js";
import { AUTHORIZATION_DOC_PATH, SUPERGRAPH_PATH } from "./subgraphs.js";

// `npm run docs:authorization` regenerates docs/authorization.md from the catalogue and supergraph.
const markdown = authorizationMarkdown(parse(readFileSync(SUPERGRAPH_PATH, "utf8")));
writeFileSync(AUTHORIZATION_DOC_PATH, markdown);
process.stdout.write("Wrote docs/authorization.md\n");
