import { readFileSync } from "node:fs";
import { type DefinitionNode, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { SUBGRAPHS } from "../src/subgraphs.js";

// Types every agency declares for itself but the graph treats as one: a difference between two
// copies would either fail composition or, worse, compose into something neither agency meant.
const SHARED = [
  "Agency",
  "AgencyCheckStatus",
  "AgencyCheck",
  "DisclosureDecision",
  "LawfulBasis",
  "Disclosure",
  "RecordDisclosureInput",
];
const AGENCIES = ["social-care", "police", "health", "probation"];

function definitionsOf(name: string): Map<string, string> {
  const source = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!source) throw new Error(`no subgraph ${name}`);
  const document = parse(readFileSync(source.sdlPath, "utf8"));
  const named = (definition: DefinitionNode) =>
    "name" in definition && definition.name ? definition.name.value : undefined;
  return new Map(
    document.definitions.flatMap((definition) => {
      const typeName = named(definition);
      return typeName && SHARED.includes(typeName) ? [[typeName, print(definition)]] : [];
    }),
  );
}

describe("the agency-check and disclosure types", () => {
  it.each(SHARED)("%s is declared identically by every agency", (typeName) => {
    const copies = AGENCIES.map((agency) => definitionsOf(agency).get(typeName));
    expect(copies.every((copy) => copy !== undefined)).toBe(true);
    expect(new Set(copies).size).toBe(1);
  });
});
