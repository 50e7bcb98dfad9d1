import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CompositionError,
  composeSupergraph,
  readSubgraphs,
  subgraphFromSdl,
} from "../src/compose.js";
import { type SdlFile, SHARED_TYPES_FILE, sdlFileLabel } from "../src/subgraph-sdl.js";
import { SUBGRAPHS, SUPERGRAPH_PATH } from "../src/subgraphs.js";

describe("the composed supergraph", () => {
  it("is what the subgraphs' SDLs compose to now (run `npm run compose` when this fails)", () => {
    const composed = composeSupergraph(readSubgraphs(SUBGRAPHS));
    expect(readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(composed);
  });

  it("contains every agency's section of the subject", () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, "utf8");
    for (const field of ["socialCare", "police", "health", "probation"]) {
      expect(supergraph).toMatch(new RegExp(`\\b${field}: \\w+Section\\b`));
    }
  });
});

describe("composition errors", () => {
  const federation = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])`;

  it("name the subgraph, the coordinate and the place in the SDL", () => {
    const compose = () =>
      composeSupergraph([
        subgraphFromSdl(
          "alpha",
          "http://alpha",
          `${federation}\ntype Query { thing: Thing }\ntype Thing @key(fields: "id") { id: ID! size: Int }`,
        ),
        subgraphFromSdl(
          "beta",
          "http://beta",
          `${federation}\ntype Thing @key(fields: "id") {\n  id: ID!\n  size: String\n}`,
        ),
      ]);
    expect(compose).toThrow(CompositionError);
    try {
      compose();
    } catch (error) {
      const problems = (error as CompositionError).problems;
      const mismatch = problems.find((problem) => problem.code === "FIELD_TYPE_MISMATCH");
      expect(mismatch?.message).toContain('"Thing.size"');
      expect(mismatch?.message).toContain('subgraph "beta"');
      expect(mismatch?.locations).toContain("beta:4:3");
    }
  });

  it("report SDL syntax errors with the subgraph's name", () => {
    try {
      composeSupergraph([subgraphFromSdl("gamma", "http://gamma", "type Query { broken")]);
      expect.unreachable();
    } catch (error) {
      expect((error as CompositionError).problems[0]?.locations[0]).toMatch(/^gamma:1:/);
    }
  });

  it("point into the generated shared types by that file's name", () => {
    const shared: SdlFile = {
      file: SHARED_TYPES_FILE,
      name: sdlFileLabel("delta", SHARED_TYPES_FILE),
      text: "# generated\n\nscalar Date\n\ntype Broken {",
    };
    const delta = subgraphFromSdl(
      "delta",
      "http://delta",
      `${federation}\ntype Query { when: Date }`,
    );
    try {
      composeSupergraph([{ ...delta, files: [...delta.files, shared] }]);
      expect.unreachable();
    } catch (error) {
      expect((error as CompositionError).problems[0]?.locations[0]).toMatch(
        /^delta\/shared-types\.graphql:5:/,
      );
    }
  });
});
