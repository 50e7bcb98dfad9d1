import { ConfigurationError } from "@mash/platform/config/parse-env";
import { describe, expect, it } from "vitest";
import { agencyRecordId } from "../../src/import/field-schemas.js";

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
