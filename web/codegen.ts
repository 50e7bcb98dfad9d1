import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";
import { apiSchemaOf } from "@mash/schema/api-schema";
import { printSchema } from "graphql";

// Typed operations for the front end: the API schema clients see is derived from the committed
// supergraph (what the gateway serves), written next to the generated types, and every operation
// in src/data/operations/ is checked against it. `npm run codegen` (typecheck and build run it).
const supergraph = readFileSync(new URL("../schema/supergraph.graphql", import.meta.url), "utf8");
const generated = new URL("./src/__generated__/", import.meta.url);
mkdirSync(generated, { recursive: true });
const apiSchemaFile = new URL("api-schema.graphql", generated);
writeFileSync(apiSchemaFile, printSchema(apiSchemaOf(supergraph)));

const config: CodegenConfig = {
  schema: apiSchemaFile.pathname,
  documents: ["src/data/operations/*.graphql"],
  generates: {
    "src/__generated__/operations.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        scalars: { DateTime: "string", Date: "string" },
        useTypeImports: true,
      },
    },
  },
};

export default config;
