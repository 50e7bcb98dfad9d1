import { readFileSync } from "node:fs";
import { apiSchemaOf } from "@mash/schema/api-schema";
import { RequirementIndex } from "@mash/schema/authorization/requirement-index";
import { SUPERGRAPH_PATH } from "@mash/schema/subgraphs";
import { buildSchema, type GraphQLObjectType, parse, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { documentRequirements } from "../../src/supergraph/document-requirements.js";

const sdl = readFileSync(SUPERGRAPH_PATH, "utf8");

function documented() {
  const schema = apiSchemaOf(sdl);
  documentRequirements(schema, RequirementIndex.fromSdl(parse(sdl)));
  return schema;
}

function fieldOf(schema: ReturnType<typeof documented>, type: string, field: string) {
  return (schema.getType(type) as GraphQLObjectType).getFields()[field];
}

describe("who may see it, in the API schema's descriptions", () => {
  it("appends each field's requirement to its description", () => {
    const nominals = fieldOf(documented(), "PoliceSection", "nominals");
    expect(nominals?.description).toBe(
      "The nominal records linked to the subject; more than one when the force holds duplicates." +
        "\n\n**Who may see it:** scopes `police:detail`; policies `purpose`.",
    );
  });

  it("includes the requirements of the field's own type and of the type it returns", () => {
    const schema = documented();
    // HealthSectionSummary is protected as a type, and so is the GpPractice it returns.
    expect(fieldOf(schema, "HealthSectionSummary", "registeredPractice")?.description).toContain(
      "**Who may see it:** scopes `health:summary`",
    );
    expect(fieldOf(schema, "LookedAfterEpisode", "placementAddress")?.description).toContain(
      "policies `break-glass` and `purpose`",
    );
    expect(schema.getType("CpisFlag")?.description).toContain(
      "**Who may see it:** scopes `health:cpis`; policies `purpose`, wherever this type is returned.",
    );
  });

  it("says when signing in is all it takes", () => {
    expect(fieldOf(documented(), "Query", "myEnquiries")?.description).toContain(
      "**Who may see it:** any signed-in caller.",
    );
  });

  it("adds each note once, however often the gateway announces the schema", () => {
    const schema = apiSchemaOf(sdl);
    const index = RequirementIndex.fromSdl(parse(sdl));
    documentRequirements(schema, index);
    documentRequirements(schema, index);
    const description = fieldOf(schema, "PoliceSection", "known")?.description ?? "";
    expect(description.match(/Who may see it/g)).toHaveLength(1);
  });

  it("leaves a supergraph that declares no requirements as it was", () => {
    const plain = `"A thing." type Query { "Its name." name: String, other: Int }`;
    const schema = buildSchema(plain);
    const before = printSchema(schema);
    documentRequirements(schema, RequirementIndex.fromSdl(parse(plain)));
    expect(printSchema(schema)).toBe(before);
  });
});
