import { ConfigurationError } from "@mash/platform/config/parse-env";
import { describe, expect, it } from "vitest";
import { agencyRecordId, agencyRecordIdAsUuid } from "../../src/import/field-schemas.js";

describe("an agency's own record ids", () => {
  const id = agencyRecordId("police", {});

  it.each(["12345678", "NOM1234567", "RKB1234567", "LCS1234567", "4471_0099", "NOM-2024:000017"])(
    "accepts %s",
    (value) => expect(id.parse(value)).toBe(value),
  );

  it.each([
    ["", "must not be empty"],
    ["x".repeat(65), "at most 64"],
    ["A 1", "letters, digits"],
    ["-12", "letters, digits"],
    ["12;DROP", "letters, digits"],
    ["Zoë1", "letters, digits"],
  ])("refuses %j (%s)", (value, message) => {
    const result = id.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(" ")).toContain(message);
  });

  it("narrows to the agency's configured pattern", () => {
    const strict = agencyRecordId("police", { POLICE_RECORD_ID_PATTERN: "^[0-9]{8}$" });
    expect(strict.parse("12345678")).toBe("12345678");
    expect(strict.safeParse("NOM1234567").error?.issues[0]?.message).toBe("must match ^[0-9]{8}$");
    const health = agencyRecordId("social-care", { SOCIAL_CARE_RECORD_ID_PATTERN: "^LCS" });
    expect(health.safeParse("MOS1").success).toBe(false);
  });

  it("refuses a configured pattern that is not a regular expression", () => {
    expect(() => agencyRecordId("health", { HEALTH_RECORD_ID_PATTERN: "([" })).toThrow(
      ConfigurationError,
    );
  });
});

describe("an agency's own record ids for a table keyed by UUID (social care)", () => {
  const person = agencyRecordIdAsUuid("social-care", "person", {});
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("keeps a UUID, and stores any other id as the same UUID every time", () => {
    expect(person.parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301")).toBe(
      "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    );
    const council = person.parse("LCS1234567");
    expect(council).toMatch(UUID);
    expect(person.parse("LCS1234567")).toBe(council);
    expect(person.parse("LCS1234568")).not.toBe(council);
    // The same id of another record type is another row.
    expect(agencyRecordIdAsUuid("social-care", "household", {}).parse("LCS1234567")).not.toBe(
      council,
    );
  });

  it("checks the id first, and narrows to the configured pattern", () => {
    expect(person.safeParse("LCS 1").success).toBe(false);
    const strict = agencyRecordIdAsUuid("social-care", "person", {
      SOCIAL_CARE_RECORD_ID_PATTERN: "^LCS[0-9]{7}$",
    });
    expect(strict.safeParse("LCS1234567").success).toBe(true);
    expect(strict.safeParse("MOS1234567").success).toBe(false);
  });
});
