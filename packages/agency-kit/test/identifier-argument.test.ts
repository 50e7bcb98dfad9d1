import { generateWorld } from "@mash/synthetic-world/world";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import {
  type IdentifierKind,
  parseIdentifierArgument,
} from "../src/graphql/identifier-argument.js";

type Case = [kind: IdentifierKind, input: string, expected: string];

describe("identifier arguments", () => {
  const valid: Case[] = [
    ["nhsNumber", "943 476 5919", "9434765919"],
    ["pncId", "01/12345H", "2001/0012345H"],
    ["crn", "x123456", "X123456"],
  ];
  it.each(valid)("%s %s is accepted as %s", (kind, input, expected) => {
    expect(parseIdentifierArgument(kind, input, "input.id")).toBe(expected);
  });

  const malformed: Case[] = [
    ["nhsNumber", "9434765918", "NHS_NUMBER_CHECK_DIGIT"],
    ["nhsNumber", "94347659", "NHS_NUMBER_FORMAT"],
    ["nhsNumber", "0000000000", "NHS_NUMBER_PLACEHOLDER"],
    ["pncId", "2001/0012345A", "PNC_ID_CHECK_LETTER"],
    ["pncId", "20010012345", "PNC_ID_FORMAT"],
    ["croNumber", "123456/01A", "CRO_NUMBER_CHECK_LETTER"],
    ["croNumber", "12/34", "CRO_NUMBER_FORMAT"],
    ["crn", "1234567", "CRN_FORMAT"],
    ["upn", "A12", "UPN_FORMAT"],
  ];
  it.each(malformed)("%s %s is refused with %s", (kind, input, reason) => {
    let error: unknown;
    try {
      parseIdentifierArgument(kind, input, "input.id");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.id",
      reason,
    });
    expect((error as GraphQLError).message).not.toContain(input);
  });
});

describe("the synthetic world's identifiers", () => {
  it("are all valid and canonical, on every agency's records", () => {
    const world = generateWorld({ seed: 3, subjects: 800 });
    const kinds: IdentifierKind[] = ["nhsNumber", "pncId", "croNumber", "crn", "upn"];
    let checked = 0;
    for (const record of Object.values(world.records).flat()) {
      for (const kind of kinds) {
        const value = record[kind];
        if (value === undefined) continue;
        expect(parseIdentifierArgument(kind, value, kind)).toBe(value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
