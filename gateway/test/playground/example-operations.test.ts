import { readFileSync } from "node:fs";
import { apiSchemaOf } from "@mash/schema/api-schema";
import { SUPERGRAPH_PATH } from "@mash/schema/subgraphs";
import { Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { EXAMPLE_OPERATIONS } from "../../playground/example-operations.js";

const api = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, "utf8"));

describe("the playground's example operations", () => {
  it.each(EXAMPLE_OPERATIONS.map((example) => [example.operationName, example] as const))(
    "%s is valid against the supergraph's API schema",
    (_name, example) => {
      const document = parse(example.query);
      expect(validate(api, document).map((error) => error.message)).toEqual([]);
      const operations = document.definitions.filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      );
      // One operation per tab, named as the tab is titled.
      expect(operations.map((operation) => operation.name?.value)).toEqual([example.operationName]);
      const declared = (operations[0]?.variableDefinitions ?? []).map((v) => v.variable.name.value);
      expect(
        Object.keys(example.variables ?? {}).filter((name) => !declared.includes(name)),
      ).toEqual([]);
    },
  );

  it("opens with the case picture, using fragments and variables", () => {
    const [first] = EXAMPLE_OPERATIONS;
    expect(first?.operationName).toBe("CasePicture");
    const document = parse(first?.query ?? "");
    expect(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length).toBe(6);
  });

  it("has distinct names, so tabs can be told apart", () => {
    const names = EXAMPLE_OPERATIONS.map((example) => example.operationName);
    expect(new Set(names).size).toBe(names.length);
  });
});
