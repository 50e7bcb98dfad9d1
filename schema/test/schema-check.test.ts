import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CompositionError } from "../src/compose.js";
import { checkSchema } from "../src/schema-check/check-schema.js";
import { SUPERGRAPH_PATH } from "../src/subgraphs.js";
import {
  ADD_A_FIELD,
  CHANGE_A_TYPE,
  REMOVE_A_FIELD,
  type SdlEdit,
  subgraphsDirWith,
  subgraphsWith,
  TIGHTEN_A_REQUIREMENT,
} from "./fixtures/sdl-edits.js";

const committed = readFileSync(SUPERGRAPH_PATH, "utf8");
const SCHEMA_PACKAGE = fileURLToPath(new URL("..", import.meta.url));

function check(edits: SdlEdit[], acknowledgements = []) {
  return checkSchema({
    baseSupergraph: committed,
    subgraphs: subgraphsWith(...edits),
    acknowledgements,
  });
}

describe("the schema check", () => {
  it("finds nothing when the subgraphs compose to the committed supergraph", async () => {
    const result = await check([]);
    expect(result.changes).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("flags a removed field as breaking, with its coordinate and owning subgraph", async () => {
    const result = await check([REMOVE_A_FIELD]);
    expect(result.passed).toBe(false);
    expect(result.changes).toContainEqual(
      expect.objectContaining({
        level: "breaking",
        type: "FIELD_REMOVED",
        coordinate: "PoliceSection.warningMarkers",
        subgraphs: ["police"],
        acknowledged: false,
      }),
    );
  });

  it("flags a changed field type as breaking", async () => {
    const result = await check([CHANGE_A_TYPE]);
    expect(result.passed).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        level: "breaking",
        type: "FIELD_TYPE_CHANGED",
        coordinate: "PoliceSectionSummary.offenceCount",
        subgraphs: ["police"],
      }),
    ]);
  });

  it("passes an additive change, reported as safe", async () => {
    const result = await check([ADD_A_FIELD]);
    expect(result.passed).toBe(true);
    expect(result.changes).toEqual([
      expect.objectContaining({
        level: "safe",
        type: "FIELD_ADDED",
        coordinate: "PoliceSectionSummary.maracPlanned",
        subgraphs: ["police"],
      }),
    ]);
  });

  it("passes a breaking change that is acknowledged, and notes acknowledgements no longer needed", async () => {
    const acknowledgement = {
      coordinate: "PoliceSection.warningMarkers",
      change: "FIELD_REMOVED",
      reason: "Warning markers move to the nominal record; clients were told in March.",
      acknowledgedBy: "police subgraph team, graph owners",
    };
    const stale = { ...acknowledgement, coordinate: "PoliceSection.nominals" };
    const result = await checkSchema({
      baseSupergraph: committed,
      subgraphs: subgraphsWith(REMOVE_A_FIELD),
      acknowledgements: [acknowledgement, stale],
    });
    expect(result.passed).toBe(true);
    expect(result.changes.find((c) => c.level === "breaking")?.acknowledged).toBe(true);
    expect(result.unusedAcknowledgements).toEqual([stale]);
  });

  it("reports a change to who may see a field as dangerous (the API schema cannot show it)", async () => {
    const result = await check([TIGHTEN_A_REQUIREMENT]);
    expect(result.passed).toBe(true);
    expect(result.changes).toEqual([
      expect.objectContaining({
        level: "dangerous",
        type: "REQUIREMENT_CHANGED",
        coordinate: "PoliceSection.known",
        message:
          "Who may see 'PoliceSection.known' changed from scopes `police:known` to scopes `police:summary`",
        subgraphs: ["police"],
      }),
    ]);
  });

  it("fails when the subgraphs no longer compose", async () => {
    const clash: SdlEdit = {
      subgraph: "health",
      find: "type HealthSection {",
      replace: 'type PoliceSection @key(fields: "id") { id: ID! }\ntype HealthSection {',
    };
    await expect(check([clash])).rejects.toBeInstanceOf(CompositionError);
  });
});

const run = promisify(execFile);

/** `npm run schema:check` in the schema package, as the root script runs it. */
async function schemaCheck(args: string[]) {
  try {
    const { stdout } = await run("npm", ["run", "--silent", "schema:check", "--", ...args], {
      cwd: SCHEMA_PACKAGE,
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("npm run schema:check", () => {
  const base = ["--base-file", fileURLToPath(SUPERGRAPH_PATH)];

  it("exits 1 on a breaking change in a fixture, naming the subgraph and the coordinate", async () => {
    const dir = subgraphsDirWith(REMOVE_A_FIELD);
    const { code, stdout } = await schemaCheck([...base, "--subgraphs", dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^police$/m);
    expect(stdout).toContain("BREAKING   PoliceSection.warningMarkers:");
    expect(stdout).toContain("FAILED: 1 breaking change(s) not acknowledged");
  });

  it("exits 0 on an additive change", async () => {
    const dir = subgraphsDirWith(ADD_A_FIELD);
    const { code, stdout } = await schemaCheck([...base, "--subgraphs", dir]);
    expect(code).toBe(0);
    expect(stdout).toContain("SAFE       PoliceSectionSummary.maracPlanned:");
    expect(stdout).toContain("PASSED");
  });

  it("exits 0 on an acknowledged breaking change", async () => {
    const dir = subgraphsDirWith(REMOVE_A_FIELD);
    const acknowledgements = join(tmpdir(), `acknowledged-${process.pid}.json`);
    writeFileSync(
      acknowledgements,
      JSON.stringify({
        acknowledged: [
          {
            coordinate: "PoliceSection.warningMarkers",
            change: "FIELD_REMOVED",
            reason: "Warning markers move to the nominal record; clients were told in March.",
            acknowledgedBy: "police subgraph team, graph owners",
          },
        ],
      }),
    );
    const { code, stdout } = await schemaCheck([
      ...base,
      "--subgraphs",
      dir,
      "--acknowledgements",
      acknowledgements,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("BREAKING (acknowledged)  PoliceSection.warningMarkers:");
  });
});
